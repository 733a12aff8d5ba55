// The preview page's behaviour: collect what is typed, enforce what WhatsApp enforces,
// and ask the local server what each tap leads to. No library, nothing loaded from outside.
(function () {
  "use strict";
  var state = JSON.parse(document.getElementById("flow-state").textContent);
  var phone = document.querySelector(".phone");
  var panel = document.getElementById("panel");
  var stack = [];

  function sheet() { return phone.querySelector(".sheet"); }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json().then(function (answer) {
        if (!r.ok) { throw new Error(answer.error || r.statusText); }
        return answer;
      });
    });
  }

  function setPath(target, name, value) {
    var parts = name.split(".");
    if (parts.length === 2) {
      target[parts[0]] = target[parts[0]] || {};
      target[parts[0]][parts[1]] = value;
    } else {
      target[name] = value;
    }
  }

  function collect() {
    var form = {};
    sheet().querySelectorAll("input[name], select[name], textarea[name]").forEach(function (el) {
      if (el.type === "radio") {
        if (el.checked) { form[el.name] = el.value; } else if (!(el.name in form)) { form[el.name] = ""; }
      } else if (el.type === "checkbox" && el.closest(".optin")) {
        form[el.name] = el.checked;
      } else if (el.type === "checkbox") {
        form[el.name] = form[el.name] || [];
        if (el.checked) { form[el.name].push(el.value); }
      } else {
        setPath(form, el.name, el.value);
      }
    });
    sheet().querySelectorAll(".picker[data-field]").forEach(function (box) {
      form[box.dataset.field] = (state.files[box.dataset.field] || []).slice();
    });
    return form;
  }

  function filled(box) {
    if (box.classList.contains("picker")) { return (state.files[box.dataset.field] || []).length > 0; }
    var inputs = Array.prototype.slice.call(box.querySelectorAll("input, select, textarea"));
    return inputs.some(function (el) {
      return (el.type === "checkbox" || el.type === "radio") ? el.checked : el.value.trim() !== "";
    });
  }

  function refresh() {
    var cta = sheet().querySelector(".cta");
    if (!cta) { return; }
    var missing = sheet().querySelectorAll("[data-required]");
    var empty = Array.prototype.some.call(missing, function (box) { return !filled(box); });
    cta.disabled = empty || cta.hasAttribute("data-off");
    sheet().querySelectorAll("select").forEach(function (el) {
      if (el.value) { el.removeAttribute("data-empty"); } else { el.setAttribute("data-empty", ""); }
    });
    sheet().querySelectorAll("input[type=date]").forEach(function (el) {
      if (el.value) { el.removeAttribute("data-empty"); } else { el.setAttribute("data-empty", ""); }
    });
  }

  function problem(el) {
    var value = el.value;
    if (!value) { return ""; }
    var min = parseInt(el.dataset.min || "0", 10);
    if (min && value.length < min) { return "Enter at least " + min + " characters"; }
    if (el.maxLength > 0 && value.length > el.maxLength) { return "Too long"; }
    if (el.dataset.kind === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
      return "Enter a valid email address";
    }
    if (el.dataset.pattern) {
      try {
        if (!new RegExp("^(?:" + el.dataset.pattern + ")$").test(value)) { return "Invalid format"; }
      } catch (e) { return ""; }
    }
    return "";
  }

  function validate() {
    var ok = true;
    sheet().querySelectorAll("input[data-kind]").forEach(function (el) {
      var field = el.closest(".field");
      var line = field.querySelector(".error");
      var message = problem(el);
      if (message) {
        line.textContent = message;
        line.hidden = false;
        field.classList.add("invalid");
        ok = false;
      } else if (field.classList.contains("invalid")) {
        line.hidden = true;
        field.classList.remove("invalid");
      }
    });
    return ok;
  }

  function remember() { state.forms[state.screen] = collect(); }

  function show(answer, push) {
    if (answer.kind === "screen") {
      if (push) { stack.push({ screen: state.screen, data: state.data }); }
      state.screen = answer.screen;
      state.data = answer.data;
      sheet().outerHTML = answer.html;
      wire();
      note("Screen " + answer.screen, "data: " + JSON.stringify(answer.data, null, 2));
    } else if (answer.kind === "complete") {
      var sent = Object.assign({}, answer.payload, { flow_token: answer.flow_token });
      note("Flow completed: the bot receives this response_json", JSON.stringify(sent, null, 2), "complete");
    } else if (answer.kind === "exchange") {
      exchange(answer);
    } else if (answer.kind === "open_url") {
      note("WhatsApp would open this link in the browser", answer.url);
    }
  }

  function note(title, body, kind) {
    panel.innerHTML = "";
    var h = document.createElement("h2");
    h.textContent = title;
    var pre = document.createElement("pre");
    pre.id = kind ? "panel-" + kind : "panel-body";
    pre.textContent = body;
    panel.appendChild(h);
    panel.appendChild(pre);
  }

  function exchange(answer) {
    note("Your endpoint receives this request (decrypted)", JSON.stringify(answer.request, null, 2), "request");
    var label = document.createElement("p");
    label.textContent = "Its reply (edit it to try another):";
    var area = document.createElement("textarea");
    area.id = "reply";
    area.rows = 10;
    area.value = JSON.stringify(answer.response, null, 2);
    var go = document.createElement("button");
    go.type = "button";
    go.id = "reply-send";
    go.textContent = "Continue with this reply";
    go.addEventListener("click", function () {
      var parsed;
      try { parsed = JSON.parse(area.value); } catch (e) { label.textContent = "Not JSON: " + e.message; return; }
      post("/respond", { response: parsed, forms: state.forms }).then(function (a) { show(a, true); }, fail);
    });
    panel.appendChild(label);
    panel.appendChild(area);
    panel.appendChild(go);
  }

  function fail(error) { note("The preview could not do that", String(error.message || error)); }

  function run(action) {
    remember();
    post("/action", { screen: state.screen, data: state.data, forms: state.forms, action: action })
      .then(function (a) { show(a, a.kind === "screen" && a.screen !== state.screen); }, fail);
  }

  function onClick(event) {
    var el = event.target.closest("[data-action], [data-back], [data-picker]");
    if (!el || !sheet().contains(el)) { return; }
    if (el.dataset.picker) {
      var list = state.files[el.dataset.picker] = state.files[el.dataset.picker] || [];
      var noun = el.dataset.noun;
      list.push({ file_name: noun + "-" + (list.length + 1) + (noun === "photo" ? ".jpg" : ".pdf") });
      el.nextElementSibling.innerHTML = "";
      list.forEach(function (f) {
        var li = document.createElement("li");
        li.textContent = f.file_name;
        el.nextElementSibling.appendChild(li);
      });
      refresh();
      return;
    }
    if (el.dataset.back !== undefined) {
      remember();
      var previous = stack.pop();
      if (!previous) { return; }
      post("/screen", { screen: previous.screen, data: previous.data, forms: state.forms })
        .then(function (a) { show(a, false); }, fail);
      return;
    }
    var action = JSON.parse(el.dataset.action);
    if (el.classList.contains("cta")) {
      if (el.disabled || !validate()) { return; }
    }
    run(action);
  }

  function redraw() {
    var focused = document.activeElement && document.activeElement.name;
    remember();
    post("/screen", { screen: state.screen, data: state.data, forms: state.forms }).then(function (a) {
      sheet().outerHTML = a.html;
      wire();
      var again = focused && sheet().querySelector('[name="' + CSS.escape(focused) + '"]');
      if (again) { again.focus(); }
    }, fail);
  }

  function onChange(event) {
    var el = event.target;
    refresh();
    if (sheet().hasAttribute("data-live") && !el.closest("[data-on-select]") && !el.dataset.onSelect) {
      redraw();
    }
    var holder = el.closest("[data-on-select]") || (el.dataset.onSelect ? el : null);
    if (!holder) { return; }
    var chosen = el.type === "checkbox" ? el.checked : true;
    var raw = chosen ? holder.dataset.onSelect : holder.dataset.onUnselect;
    if (raw) { run(JSON.parse(raw)); }
  }

  function wire() {
    var s = sheet();
    s.querySelectorAll("textarea[maxlength]").forEach(function (el) {
      var count = el.parentNode.querySelector(".count");
      el.addEventListener("input", function () { count.textContent = el.value.length + "/" + el.maxLength; });
    });
    refresh();
  }

  phone.addEventListener("click", onClick);
  phone.addEventListener("input", refresh);
  phone.addEventListener("change", onChange);
  wire();
  note("Screen " + state.screen, "data: " + JSON.stringify(state.data, null, 2));
})();
