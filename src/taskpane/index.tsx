/// <reference types="office-js" />
/** The add-in's entry point in Excel: waits for Office, then renders the pane over the Office.js host. */
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/host";
import { App } from "./App";
import { themeFromBackground } from "./theme";

function officeTheme(): "light" | "dark" {
  try {
    return themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light";
  }
}

void Office.onReady(() => {
  const container = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  createRoot(container).render(<App host={createExcelHost()} theme={officeTheme()} />);
});
