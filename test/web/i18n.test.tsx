// @vitest-environment happy-dom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { en } from "../../src/web/i18n/en";
import { I18nProvider, translate, useI18n } from "../../src/web/i18n/i18n";
import { vi } from "../../src/web/i18n/vi";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n catalogues", () => {
  it("English has exactly the Vietnamese keys, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries({ ...vi, ...en })) expect(text.trim(), key).not.toBe("");
  });

  it("both languages use the same placeholders", () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it("Vietnamese strings are NFC (composed diacritics)", () => {
    for (const [key, text] of Object.entries(vi)) expect(text.normalize("NFC"), key).toBe(text);
  });

  it("fills placeholders", () => {
    expect(translate("vi", "units.childCount", { n: "3.321" })).toBe("3.321 đơn vị trực thuộc");
    expect(translate("en", "agencies.closedOn", { date: "30/06/2025" })).toBe("Closed from 30/06/2025");
  });
});

function Probe() {
  const { t, setLocale } = useI18n();
  return (
    <button type="button" onClick={() => setLocale("en")}>
      {t("nav.units")}
    </button>
  );
}

describe("language switch", () => {
  afterEach(cleanup);

  it("is Vietnamese by default, switches to English and remembers it", () => {
    localStorage.clear();
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    const button = screen.getByRole("button");
    expect(button.textContent).toBe("Đơn vị hành chính");
    act(() => button.click());
    expect(button.textContent).toBe("Administrative units");
    expect(localStorage.getItem("binhdang.locale")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });
});
