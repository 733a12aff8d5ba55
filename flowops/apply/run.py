"""Execute a plan: creates and updates first (bounded concurrency), then retirements of
replaced flows, then prunes.

Every successful step is recorded in the lock's journal at once, so an interrupted run leaves
the lock (as flowops reads it) truthful and the next plan converges (a flow created but not
recorded is adopted by name).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from threading import Event, Lock

from flowops.apply.budget import BudgetExceeded
from flowops.apply.context import ApplyContext, StepFailed
from flowops.apply.settle import settle
from flowops.apply.steps import HANDLERS
from flowops.graph import AuthError, GraphError
from flowops.plan import PRUNES, Action, Change, Plan
from flowops.problems import Problem

DONE = {
    Action.CREATE: "created",
    Action.ADOPT: "adopted into the lock",
    Action.UPDATE_JSON: "Flow JSON uploaded",
    Action.UPDATE_METADATA: "name/categories/endpoint updated",
    Action.PUBLISH: "published",
    Action.REPLACE: "replaced by a published clone",
    Action.LINK_ONLY: "lock updated",
    Action.DEPRECATE: "deprecated",
    Action.DELETE: "deleted",
    Action.FORGET: "dropped from the lock",
    Action.RETIRE: "retired the flow it replaced",
}


@dataclass
class Failure:
    key: str
    message: str
    problems: tuple[Problem, ...] = ()


@dataclass
class ApplyResult:
    done: list[str] = field(default_factory=list)
    recorded: list[str] = field(default_factory=list)  # book-keeping only (not a change)
    failed: list[Failure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    stopped: str = ""
    total: int = 0  # changes in the plan, for the [k/N] counter of progress lines
    _finished: int = field(default=0, repr=False, compare=False)
    _lock: Lock = field(default_factory=Lock, repr=False, compare=False)
    out_of_budget: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.skipped and not self.stopped

    def counter(self) -> str:
        """``[k/N]``: k changes of the plan's N have finished, the caller's included."""
        with self._lock:
            self._finished += 1
            return f"[{self._finished}/{self.total}]"


def apply_plan(plan: Plan, ctx: ApplyContext, concurrency: int = 8) -> ApplyResult:
    pending = plan.pending()
    result = ApplyResult(total=sum(c.reviewable for c in pending))
    stop = Event()
    retire = [c for c in pending if c.action is Action.RETIRE]
    prunes = [c for c in pending if c.action in PRUNES]
    first = [c for c in pending if c not in retire and c not in prunes]
    for phase in (first, retire, prunes):
        _run_all(phase, ctx, result, stop, concurrency)
    if ctx.api.writes and (result.out_of_budget or not stop.is_set()):
        ran = set(result.done) | {f.key for f in result.failed}
        ctx.api.release()  # the reads after a budget stop were kept for this
        settle(ctx, {c.key: c for c in first + prunes if c.key in ran}, concurrency)
    return result


def _run_all(
    changes: list[Change], ctx: ApplyContext, result: ApplyResult, stop: Event, concurrency: int
) -> None:
    if not changes:
        return
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        futures = [pool.submit(_run_guarded, ctx, c, result, stop) for c in changes]
        try:
            _raise_first(futures, pool)
        except BaseException:  # Ctrl-C or a bug: finish the running steps, start no more
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _raise_first(futures: Iterable[Future[None]], pool: ThreadPoolExecutor) -> None:
    """An unexpected error (a bug, or an interrupt) stops the run: nothing new starts."""
    done, _ = wait(list(futures), return_when=FIRST_EXCEPTION)
    for future in done:
        if future.exception() is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            raise future.exception()  # type: ignore[misc]


def _run_guarded(ctx: ApplyContext, change: Change, result: ApplyResult, stop: Event) -> None:
    if stop.is_set():
        result.skipped.append(change.key)
        return
    try:
        run_change(ctx, change)
        if change.bookkeeping:
            result.recorded.append(change.key)
        else:
            result.done.append(change.key)
            ctx.progress(f"{result.counter()} {change.key}: done")
    except StepFailed as exc:
        _fail(ctx, result, change.key, exc.message, exc.problems)
    except (AuthError, BudgetExceeded) as exc:
        stop.set()
        result.stopped = str(exc)
        result.out_of_budget = isinstance(exc, BudgetExceeded)
        _fail(ctx, result, change.key, str(exc))
    except GraphError as exc:
        _fail(ctx, result, change.key, str(exc))


def _fail(
    ctx: ApplyContext,
    result: ApplyResult,
    key: str,
    message: str,
    problems: tuple[Problem, ...] = (),
) -> None:
    result.failed.append(Failure(key, message, problems))
    ctx.progress(f"{result.counter()} {key}: FAILED: {message}")


def run_change(ctx: ApplyContext, change: Change) -> None:
    entry = ctx.entry(change.key)
    start_id = entry.flow_id if entry else ""
    for step in change.steps:
        if ctx.before_step is not None:
            ctx.before_step(change.key, step)
        entry = HANDLERS[step](ctx, change, entry)
        if not change.bookkeeping:
            shown = change.before if step is Action.RETIRE else entry
            ctx.progress(f"{change.key}: {DONE[step]}" + _id(shown))
        if step is Action.UPDATE_JSON and entry is not None and entry.flow_id != start_id:
            break  # Meta refused the in-place edit; a published clone replaced the flow


def _id(entry: object) -> str:
    flow_id = getattr(entry, "flow_id", "")
    return f" (flow {flow_id})" if flow_id else ""
