// The Budget ribbon (overrides xlwings Server's ribbon.js; the manifest's FunctionName values).
// Each button posts the workbook to its xlwings Server script and applies the actions it returns,
// with the ribbon's buttons disabled while it runs and any failure shown as a Danish dialog that
// says what to do. Send pakker first asks the server who would get what (/budget/send-plan) and
// sends only after the user pressed OK in the dialog listing committees and recipients.
// Each run has an id of its own, sent as the script's last argument; while the script runs its
// progress is polled from /budget/progress and told to the task pane (budget-pane.js) as
// "budgetbook:progress" events, the pane shown if Office lets us.
(function () {
  const TAB = "BudgetTab";
  const GROUPS = {
    BudgetData: ["BudgetRefresh", "BudgetValidate", "BudgetDocuments"],
    BudgetPacks: ["BudgetBuildPacks", "BudgetSendPacks"],
  };
  const LABELS = {
    refresh: "Opdater",
    validate: "Valider",
    build_packs: "Byg pakker",
    send_packs: "Send pakker",
  };
  const scriptUrl = document.currentScript ? document.currentScript.src : "";
  const POLL_MS = 500;
  let running = false;

  function serverUrl(path) {
    return window.location.origin + ((globalThis.config && config.appPath) || "") + path;
  }

  async function setButtonsEnabled(enabled) {
    if (!(globalThis.Office && Office.ribbon && Office.ribbon.requestUpdate)) {
      return; // Office without the ribbon API (RibbonApi 1.1): the buttons stay as they are
    }
    const groups = Object.entries(GROUPS).map(([id, controls]) => ({
      id: id,
      controls: controls.map((control) => ({ id: control, enabled: enabled })),
    }));
    try {
      await Office.ribbon.requestUpdate({ tabs: [{ id: TAB, groups: groups }] });
    } catch (error) {
      console.warn("Could not update the ribbon:", error);
    }
  }

  class ServerError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  async function authHeaders() {
    const auth = await globalThis.getAuth();
    return { Authorization: auth.token, "Auth-Provider": auth.provider };
  }

  async function postJson(path, body, headers) {
    let response;
    try {
      response = await fetch(serverUrl(path), {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new ServerError("Budgetserveren svarer ikke.", 0);
    }
    const text = await response.text();
    if (!response.ok) {
      throw new ServerError(detailOf(text) || `Serveren svarede ${response.status}.`, response.status);
    }
    return JSON.parse(text);
  }

  function detailOf(text) {
    try {
      const data = JSON.parse(text);
      if (data && data.detail) {
        return typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail);
      }
    } catch (error) {
      // plain text (the server's one-line refusals)
    }
    return text.trim();
  }

  function whatToDo(error) {
    if (error.status === 401) {
      return "Tryk Dokumenter på fanen Budget og skriv din adgangsnøgle.";
    }
    if (error.status === 403) {
      return "Bed den der driver budgetserveren om adgang.";
    }
    if (error.status === 0) {
      return "Kontrollér forbindelsen til budgetserveren, og prøv igen.";
    }
    return "Ret det der står ovenfor og prøv igen. Sker det igen, så send teksten til den der driver budgetserveren.";
  }

  async function dialog(prompt, title, buttons, mode, callback) {
    const { xlAlert } = await import(scriptUrl.replace(/ribbon\.js(\?.*)?$/, "alerts/parent.js"));
    await xlAlert(prompt, title, buttons, mode, callback);
  }

  async function showError(label, error) {
    console.error(error);
    const message = error && error.message ? error.message : String(error);
    await dialog(`${message}\n\nHvad du kan gøre: ${whatToDo(error)}`, `${label}: det lykkedes ikke`,
      "ok", "critical", "");
  }

  // Runs `work(context, headers)` with the ribbon disabled; one script at a time.
  async function exclusive(label, work) {
    if (running) {
      await dialog(`${label} venter: et andet Budget-script kører stadig.`, "Budget", "ok", "info", "");
      return;
    }
    running = true;
    await setButtonsEnabled(false);
    try {
      const headers = await authHeaders();
      await Excel.run(async (context) => work(context, headers));
    } catch (error) {
      await showError(label, error);
    } finally {
      running = false;
      await setButtonsEnabled(true);
    }
  }

  function tellPane(label, state) {
    document.dispatchEvent(new CustomEvent("budgetbook:progress", { detail: { label: label, state: state } }));
  }

  // Polls the run's progress until stop(), which polls once more so the pane ends on the finished run.
  function watchProgress(run, label, headers) {
    let stopped = false;
    let timer = null;
    const url = serverUrl(`/budget/progress?run=${encodeURIComponent(run)}`);
    async function poll() {
      try {
        const response = await fetch(url, { headers: headers, cache: "no-store" });
        if (response.ok) {
          tellPane(label, await response.json());
        } // 404: the server has not started the run yet
      } catch (error) {
        // no answer this time; the script's own answer says what happened
      }
    }
    async function loop() {
      await poll();
      if (!stopped) {
        timer = setTimeout(loop, POLL_MS);
      }
    }
    tellPane(label, null);
    try {
      Office.addin.showAsTaskpane().catch(() => {});
    } catch (error) {
      // Office without the shared runtime's pane API: the pane shows progress when it is open
    }
    timer = setTimeout(loop, POLL_MS);
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await poll();
      },
    };
  }

  // `args` are the script's own arguments; the run id goes last.
  async function runScript(name, args = []) {
    await exclusive(LABELS[name], async (context, headers) => {
      const payload = await xlwings.getBookData({ headers: headers }, context);
      const run = crypto.randomUUID();
      payload.args = [...args, run];
      const progress = watchProgress(run, LABELS[name], headers);
      let answer;
      try {
        answer = await postJson(`/xlwings/custom-scripts-call/${name}`, payload, headers);
      } finally {
        await progress.stop();
      }
      await xlwings.runActions(answer, context);
    });
    document.dispatchEvent(new CustomEvent("budgetbook:script-done", { detail: name }));
  }

  async function sendPacks() {
    let plan = null;
    await exclusive(LABELS.send_packs, async (context, headers) => {
      const payload = await xlwings.getBookData({ headers: headers }, context);
      plan = await postJson("/budget/send-plan", payload, headers);
    });
    if (plan === null) {
      return; // the error was shown
    }
    if (plan.dry_run) {
      await runScript("send_packs", [""]); // no token: Prøvekørsel
      return;
    }
    globalThis.callbacks = globalThis.callbacks || {};
    globalThis.callbacks.budgetbookSendConfirmed = async function (button) {
      if (button === "ok") {
        await runScript("send_packs", [plan.token]);
      }
    };
    await dialog(`${plan.text}\n\nTryk OK for at sende, Annuller for at lade være.`, "Send pakker?",
      "ok_cancel", "info", "budgetbookSendConfirmed");
  }

  function button(run) {
    return async function (event) {
      try {
        await run();
      } finally {
        event.completed();
      }
    };
  }

  globalThis.budgetbook = { runScript: runScript, sendPacks: sendPacks };
  Office.onReady(() => {
    if (!(Office.actions && Office.actions.associate)) {
      return; // opened as a web page, not inside Excel
    }
    Office.actions.associate("refresh", button(() => runScript("refresh")));
    Office.actions.associate("validate", button(() => runScript("validate")));
    Office.actions.associate("build_packs", button(() => runScript("build_packs")));
    Office.actions.associate("send_packs", button(sendPacks));
  });
})();
