// budgetbook: the code Excel's custom-functions runtime loads for the BB_* functions.
// Each function posts its arguments to the xlwings Server app (xlpy/server.py) and returns
// the result; xlpy/officejs_functions.py appends one wrapper per function and serves the file.
// (The xlwings wheel ships the Python side of custom functions but not this client file.)

const budgetbookVersion = "placeholder_xlwings_version";
const budgetbookCallPath = "placeholder_custom_functions_call_path";

async function budgetbookCall(funcName, args) {
  const invocation = args.pop(); // the runtime passes the invocation last
  const body = {
    func_name: funcName,
    args: args,
    caller_address: invocation && invocation.address ? invocation.address : null,
    formula_name: funcName,
    version: budgetbookVersion,
    client: "Office.js",
    runtime: "1.1",
    culture_info_name: typeof Office !== "undefined" && Office.context ? Office.context.contentLanguage : "da-DK",
    date_format: "dd-mm-yyyy",
  };
  const response = await fetch(window.location.origin + budgetbookCallPath, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const message = await response.text();
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message.slice(0, 250));
  }
  const data = await response.json();
  return data.result;
}
