// Vietnamese text helpers. Users search without diacritics ("can tho" must find
// "Cần Thơ"), and đ/Đ is a separate letter that Unicode does not decompose.

export function toNfc(value: string): string {
  return value.normalize("NFC");
}

/** Lower-case, strip tone and vowel marks, map đ → d, collapse spaces. */
export function foldVietnamese(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
