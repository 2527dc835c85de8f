export * from "./input";
export * from "./html";
