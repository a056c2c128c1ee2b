import type { RenderFormatter } from "./index.js";

// Placeholder while this format is being written (replaced by its real module).
export const markdown: RenderFormatter = () => {
  throw new Error("journey render --format markdown is not written yet");
};
