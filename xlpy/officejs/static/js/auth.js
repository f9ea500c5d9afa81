// The Budget add-in's credentials for xlwings Server (overrides its auth.js): Entra ID when the
// server is configured for it, otherwise the user's key from the task pane (auth provider "budgetbook").
globalThis.budgetbookKeyStorage = "budgetbook.key";
globalThis.getAuth = async function () {
  if (config.authProviders.includes("entraid")) {
    return { token: await xlwings.getAccessToken(), provider: "entraid" };
  }
  return {
    token: localStorage.getItem(globalThis.budgetbookKeyStorage) || "",
    provider: "budgetbook",
  };
};
