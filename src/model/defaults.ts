import type { Channel, Indicator } from "./types.js";

/** The built-in channels: a config's `channels` add to them (or replace them: `replaceChannels`). */
export const BUILT_IN_CHANNELS: readonly Channel[] = [
  { id: "web", label: "Website" },
  { id: "mobile-app", label: "Mobile app" },
  { id: "email", label: "Email" },
  { id: "sms", label: "SMS" },
  { id: "phone", label: "Phone" },
  { id: "chat", label: "Chat" },
  { id: "store", label: "Store" },
  { id: "social", label: "Social media" },
  { id: "mail", label: "Postal mail" },
  { id: "home-visit", label: "Home visit" },
  { id: "kiosk", label: "Kiosk" },
];

/** The standard indicators and their scales; a config adds others beside them. */
export const STANDARD_INDICATORS: readonly Indicator[] = [
  { id: "nps", label: "Net Promoter Score", scale: { min: 0, max: 10 } },
  { id: "csat", label: "Customer satisfaction", scale: { min: 1, max: 5 } },
  { id: "ces", label: "Customer effort score", scale: { min: 1, max: 7 } },
];

export const DEFAULT_INCLUDE: readonly string[] = ["**/*.yaml", "**/*.yml"];
