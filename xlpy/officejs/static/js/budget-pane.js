// The Budget task pane: upload the season's documents (several at once, with progress), remove or
// replace one, list Valider's findings and select a finding's cell in the workbook, and show how
// far a running script (Opdater, Valider, Byg pakker, Send pakker) has got: ribbon.js polls the
// server and tells the pane with "budgetbook:progress" events.
//
// The workbook's documents are kept on the server under its document-set id: the cell
// Dokumentsæt (defined name Dokumentsaet) on the sheet Indstillinger, which the pane writes the
// first time it opens in a workbook. Opened as a plain web page, the pane takes ?workbook=ID.
(function () {
  const NAME = "Dokumentsaet";
  const LABEL = "Dokumentsæt";
  const SETTINGS_SHEET = "Indstillinger";
  let workbook = null;
  let inExcel = false;

  const $ = (selector) => document.querySelector(selector);

  function serverUrl(path) {
    return window.location.origin + ((globalThis.config && config.appPath) || "") + path;
  }

  function say(text, kind = "") {
    const box = $("#pane-message");
    box.textContent = text;
    box.className = `small mb-2 ${kind === "error" ? "text-danger" : ""}`;
  }

  async function readOrMintWorkbookId() {
    const fromQuery = new URLSearchParams(window.location.search).get("workbook");
    if (fromQuery || !inExcel) {
      return fromQuery;
    }
    return Excel.run(async (context) => {
      const named = context.workbook.names.getItemOrNullObject(NAME);
      await context.sync();
      if (!named.isNullObject) {
        const cell = named.getRange().load("values");
        await context.sync();
        const value = String(cell.values[0][0] || "").trim();
        if (value) {
          return value;
        }
      }
      const id = crypto.randomUUID();
      let sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
      await context.sync();
      if (sheet.isNullObject) {
        sheet = context.workbook.worksheets.add(SETTINGS_SHEET);
      }
      const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
      await context.sync();
      const row = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      sheet.getRangeByIndexes(row, 0, 1, 2).values = [[LABEL, id]];
      if (named.isNullObject) {
        context.workbook.names.add(NAME, sheet.getRangeByIndexes(row, 1, 1, 1));
      } else {
        named.delete();
        context.workbook.names.add(NAME, sheet.getRangeByIndexes(row, 1, 1, 1));
      }
      await context.sync();
      return id;
    });
  }

  async function refreshList(target, path) {
    const auth = await globalThis.getAuth();
    const response = await fetch(serverUrl(`${path}?workbook=${encodeURIComponent(workbook)}`), {
      headers: { Authorization: auth.token, "Auth-Provider": auth.provider },
    });
    if (response.status === 401) {
      $("#access").classList.remove("d-none");
      say("Skriv din adgangsnøgle for at se projektmappens dokumenter.", "error");
      return;
    }
    const html = await response.text();
    if (!response.ok) {
      say(html, "error");
      return;
    }
    $(target).innerHTML = html;
    htmx.process($(target));
  }

  // One file: POST with upload progress; the server stores and imports it and answers the new list.
  async function uploadOne(file, index, count, replaces) {
    const auth = await globalThis.getAuth();
    const form = new FormData();
    form.append("workbook", workbook);
    form.append("file", file, file.name);
    if (replaces) {
      form.append("replaces", replaces);
    }
    const bar = $("#progress-bar");
    const text = $("#progress-text");
    const where = count > 1 ? ` (${index + 1} af ${count})` : "";
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open("POST", serverUrl("/budget/documents"));
      request.setRequestHeader("Authorization", auth.token);
      request.setRequestHeader("Auth-Provider", auth.provider);
      request.upload.onprogress = (event) => {
        const share = event.lengthComputable ? event.loaded / event.total : 0;
        bar.style.width = `${Math.round(((index + share * 0.5) / count) * 100)}%`;
        text.textContent = `Uploader ${file.name}${where}: ${Math.round(share * 100)} %`;
      };
      request.upload.onload = () => {
        bar.style.width = `${Math.round(((index + 0.5) / count) * 100)}%`;
        text.textContent = `Læser ${file.name}${where} …`;
      };
      request.onload = () => {
        if (request.status === 201) {
          $("#documents").innerHTML = request.responseText;
          htmx.process($("#documents"));
          resolve(null);
        } else {
          resolve(`${file.name}: ${detailOf(request)}`);
        }
      };
      request.onerror = () => resolve(`${file.name}: budgetserveren svarer ikke`);
      request.send(form);
    });
  }

  function detailOf(request) {
    if (request.status === 401) {
      $("#access").classList.remove("d-none");
    }
    try {
      const data = JSON.parse(request.responseText);
      if (data && typeof data.detail === "string") {
        return data.detail;
      }
    } catch (error) {
      // a one-line text answer
    }
    return request.responseText.trim() || `serveren svarede ${request.status}`;
  }

  async function upload(files, replaces = null) {
    if (!workbook) {
      say("Åbn panelet fra fanen Budget i Excel, så projektmappen får sit dokumentsæt.", "error");
      return;
    }
    files = Array.from(files);
    if (files.length === 0) {
      return;
    }
    $("#progress").classList.remove("d-none");
    const problems = [];
    for (const [index, file] of files.entries()) {
      const problem = await uploadOne(file, index, files.length, replaces);
      if (problem) {
        problems.push(problem);
      }
    }
    $("#progress-bar").style.width = "100%";
    $("#progress-text").textContent = `${files.length - problems.length} af ${files.length} dokumenter gemt og læst.`;
    say(problems.join(" "), problems.length ? "error" : "");
  }

  // detail: {label: "Opdater", state: null (just started) or the server's run (xlpy.run_progress)}
  function showRun(detail) {
    const state = detail.state;
    $("#run").classList.remove("d-none");
    $("#run-title").textContent = detail.label;
    const bar = $("#run-bar");
    const text = $("#run-step");
    const step = state && state.steps.find((s) => s.step === state.current);
    if (state && state.finished) {
      bar.style.width = "100%";
      const names = state.steps.map((s) => s.name).join(", ");
      text.textContent = `${detail.label} afsluttet${names ? ": " + names : ""}.`;
    } else if (step) {
      const share = step.total > 0 ? step.done / step.total : 0;
      bar.style.width = `${Math.round(share * 100)}%`;
      text.textContent = step.text;
    } else {
      bar.style.width = "0%";
      text.textContent = "Starter …";
    }
  }

  async function selectCell(address) {
    const at = address.lastIndexOf("!");
    if (at < 0) {
      return;
    }
    let sheet = address.slice(0, at);
    const cell = address.slice(at + 1);
    if (sheet.startsWith("'")) {
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    }
    if (typeof Excel === "undefined") {
      say(`Åbn panelet i Excel for at gå til ${address}.`, "error");
      return;
    }
    try {
      await Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      say(`Cellen ${address} findes ikke længere: tryk Valider igen.`, "error");
    }
  }

  function wireDropZone() {
    const zone = $("#drop-zone");
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("budget-drop-over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("budget-drop-over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("budget-drop-over");
      upload(event.dataTransfer.files);
    });
    $("#file-input").addEventListener("change", (event) => {
      upload(event.target.files).then(() => (event.target.value = ""));
    });
    let replacing = null;
    $("#documents").addEventListener("click", (event) => {
      const replace = event.target.closest(".document-replace");
      if (replace) {
        replacing = replace.dataset.name;
        $("#replace-input").click();
      }
    });
    $("#replace-input").addEventListener("change", (event) => {
      upload(event.target.files, replacing).then(() => (event.target.value = ""));
    });
  }

  function wireFindings() {
    const findings = $("#findings");
    const go = (event) => {
      const item = event.target.closest(".finding");
      if (item && (event.type === "click" || event.key === "Enter")) {
        selectCell(item.dataset.cell);
      }
    };
    findings.addEventListener("click", go);
    findings.addEventListener("keydown", go);
    for (const [button, script, label] of [["#validate-button", "validate", "Valider"],
                                           ["#refresh-button", "refresh", "Opdater"]]) {
      $(button).addEventListener("click", async () => {
        if (typeof Excel === "undefined") {
          say(`${label} kører på projektmappen: åbn panelet i Excel.`, "error");
          return;
        }
        await globalThis.budgetbook.runScript(script);
      });
    }
    document.addEventListener("budgetbook:progress", (event) => showRun(event.detail));
    document.addEventListener("budgetbook:script-done", (event) => {
      if (event.detail === "validate" && workbook) {
        refreshList("#findings", "/budget/findings");
      }
    });
  }

  function wireAccess() {
    const key = localStorage.getItem(globalThis.budgetbookKeyStorage);
    if (!key && !(globalThis.config && config.authProviders.includes("entraid"))) {
      $("#access").classList.remove("d-none");
    }
    $("#access-save").addEventListener("click", () => {
      localStorage.setItem(globalThis.budgetbookKeyStorage, $("#access-key").value.trim());
      $("#access").classList.add("d-none");
      start();
    });
  }

  async function start() {
    if (!workbook) {
      say("Ingen projektmappe: åbn panelet fra fanen Budget i Excel.", "error");
      return;
    }
    say("");
    await refreshList("#documents", "/budget/documents");
    await refreshList("#findings", "/budget/findings");
  }

  async function boot(info) {
    inExcel = Boolean(info && info.host);
    if (!inExcel) {
      // A web page on purpose: xlwings Server's "did not load in Office" prompt does not apply (style.css).
      document.body.classList.add("budget-web-page");
    }
    wireDropZone();
    wireFindings();
    wireAccess();
    try {
      workbook = await readOrMintWorkbookId();
    } catch (error) {
      say(`Projektmappens dokumentsæt kunne ikke læses: ${error.message || error}`, "error");
      return;
    }
    $("#budget-pane").dataset.workbook = workbook || "";
    await start();
  }

  // In Excel the manifest opens the pane without a query; ?workbook=ID is the pane as a web page.
  if (new URLSearchParams(window.location.search).get("workbook")) {
    boot({ host: null });
  } else {
    Office.onReady(boot);
  }
})();
