/** Colours of the chart tones, light and dark (Fluent UI 9's palette: brand blue, green/red for gains and losses). */
import type { Tone } from "./types";

export interface ChartTheme {
  dark: boolean;
  text: string;
  subtleText: string;
  axis: string;
  grid: string;
  background: string;
  tones: Record<Tone, string>;
}

export const LIGHT: ChartTheme = {
  dark: false,
  text: "#242424",
  subtleText: "#616161",
  axis: "#8A8A8A",
  grid: "#E0E0E0",
  background: "#FFFFFF",
  tones: {
    gain: "#107C10",
    loss: "#C50F1F",
    blue: "#0F6CBD",
    teal: "#038387",
    orange: "#CA5010",
    purple: "#8764B8",
    grey: "#8A8A8A",
    fit: "#242424",
  },
};

export const DARK: ChartTheme = {
  dark: true,
  text: "#FFFFFF",
  subtleText: "#D6D6D6",
  axis: "#8A8A8A",
  grid: "#3D3D3D",
  background: "#292929",
  tones: {
    gain: "#54B054",
    loss: "#F1707B",
    blue: "#62ABF5",
    teal: "#4BB4B7",
    orange: "#F4A15C",
    purple: "#B696E0",
    grey: "#ADADAD",
    fit: "#FFFFFF",
  },
};

/** Hex without "#" for Excel (native charts use the light palette: sheets print on white). */
export function excelColor(tone: Tone): string {
  return LIGHT.tones[tone].replace("#", "");
}
