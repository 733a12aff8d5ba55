"""``open_environment``: the embedded local emulator, a running emulator, and real tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from flowops.connect import open_environment
from flowops.emulator import FaultConfig, start_emulator
from flowops.errors import ConfigError
from flowops.graph.errors import AuthError, GraphError
from flowops.graph.retry import NO_RETRY
from flowops.manifest.model import Environment

LOCAL = Environment(name="local", emulator=True)
SECRET = "EAAsecret-value-must-never-show-0123456789"


def test_local_environment_keeps_its_flows_between_runs(tmp_path: Path) -> None:
    with open_environment(tmp_path, LOCAL) as conn:
        assert conn.emulator is not None
        flow_id = conn.api.create_flow("welcome", ("OTHER",)).id
        url = conn.emulator.url
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/_emulator/health", timeout=2)
    with open_environment(tmp_path, LOCAL) as conn:
        assert [f.id for f in conn.api.list_flows()] == [flow_id]
        assert conn.lock_path == tmp_path / ".flowops" / "local" / "flows.lock"
    assert (tmp_path / ".flowops" / "local" / "emulator.json").is_file()


def test_emulator_environment_with_graph_url_uses_the_running_emulator(tmp_path: Path) -> None:
    with start_emulator() as running:
        env = Environment(name="shared", emulator=True, graph_url=running.url)
        with open_environment(tmp_path, env) as conn:
            assert conn.emulator is None
            conn.api.create_flow("remote", ("OTHER",))
        assert [f.name for f in running.model.flows.values()] == ["remote"]


def test_missing_token_names_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WHATSAPP_TOKEN", raising=False)
    env = Environment(name="production", waba_id="104000000000001", token_env="WHATSAPP_TOKEN")
    with pytest.raises(ConfigError) as exc, open_environment(tmp_path, env):
        pass
    assert str(exc.value) == "environment 'production' needs a token: set WHATSAPP_TOKEN"
    assert "WHATSAPP_TOKEN" in exc.value.hint


def test_real_environment_without_waba_id_is_refused(tmp_path: Path) -> None:
    env = Environment(name="production", token_env="WHATSAPP_TOKEN")
    with pytest.raises(ConfigError, match="waba_id"), open_environment(tmp_path, env):
        pass


def test_token_never_appears_in_reprs_errors_or_the_call_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WHATSAPP_TOKEN", SECRET)
    with start_emulator(token="EAAanother-token", state_path=tmp_path / "meta.json") as meta:
        env = Environment(
            name="production",
            waba_id="104000000000001",
            token_env="WHATSAPP_TOKEN",
            graph_url=meta.url,
        )
        with open_environment(tmp_path, env) as conn:
            conn.api.retry = NO_RETRY  # type: ignore[attr-defined]
            with pytest.raises(AuthError) as exc:
                list(conn.api.list_flows())
            texts = [repr(conn), str(exc.value), repr(exc.value), repr(meta.call_log.calls())]
    captured = capsys.readouterr()
    assert all(SECRET not in text for text in [*texts, captured.out, captured.err])
    assert not any(SECRET in p.read_text() for p in tmp_path.rglob("*") if p.is_file())


def test_faults_reach_the_embedded_emulator(tmp_path: Path) -> None:
    faults = FaultConfig(seed=5, server_error=1.0)
    with open_environment(tmp_path, LOCAL, faults=faults) as conn:
        assert conn.emulator is not None
        conn.api.retry = NO_RETRY  # type: ignore[attr-defined]
        with pytest.raises(GraphError) as exc:
            list(conn.api.list_flows())
        assert exc.value.http_status == 500
        assert conn.emulator.call_log.calls()[0].fault == "server_error"
