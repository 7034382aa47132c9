import { capitalise, terbilang, terbilangRupiah, TERBILANG_MAX } from "../../server/src/modules/reports/terbilang";

describe("terbilang: rupiah amounts in Indonesian words", () => {
  it.each<[number, string]>([
    [0, "nol"],
    [1, "satu"],
    [5, "lima"],
    [9, "sembilan"],
    [10, "sepuluh"],
    [11, "sebelas"],
    [12, "dua belas"],
    [19, "sembilan belas"],
    [20, "dua puluh"],
    [21, "dua puluh satu"],
    [99, "sembilan puluh sembilan"],
  ])("spells %i below one hundred as %p", (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it.each<[number, string]>([
    [100, "seratus"],
    [101, "seratus satu"],
    [110, "seratus sepuluh"],
    [111, "seratus sebelas"],
    [115, "seratus lima belas"],
    [200, "dua ratus"],
    [999, "sembilan ratus sembilan puluh sembilan"],
  ])("spells %i with 'seratus' for one hundred and '<x> ratus' above: %p", (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it.each<[number, string]>([
    [1_000, "seribu"],
    [1_001, "seribu satu"],
    [1_100, "seribu seratus"],
    [1_999, "seribu sembilan ratus sembilan puluh sembilan"],
    [2_000, "dua ribu"],
    [10_000, "sepuluh ribu"],
    [11_000, "sebelas ribu"],
    [21_000, "dua puluh satu ribu"],
    [100_000, "seratus ribu"],
    [101_000, "seratus satu ribu"],
    [111_111, "seratus sebelas ribu seratus sebelas"],
  ])("says 'seribu' only when the thousands group is exactly one: %i is %p", (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it.each<[number, string]>([
    [1_000_000, "satu juta"],
    [1_001_000, "satu juta seribu"],
    [1_250_000, "satu juta dua ratus lima puluh ribu"],
    [2_000_001, "dua juta satu"],
    [1_000_000_000, "satu miliar"],
    [1_000_001_000, "satu miliar seribu"],
    [1_001_000_000, "satu miliar satu juta"],
    [3_600_000_000, "tiga miliar enam ratus juta"],
    [1_000_000_000_000, "satu triliun"],
    [1_000_000_000_000_000, "satu kuadriliun"],
  ])("says 'satu' (never 'se-') before juta, miliar, triliun and kuadriliun and skips empty groups: %i is %p", (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it("spells out Number.MAX_SAFE_INTEGER in full", () => {
    expect(terbilang(Number.MAX_SAFE_INTEGER)).toBe(
      "sembilan kuadriliun tujuh triliun seratus sembilan puluh sembilan miliar dua ratus lima puluh empat juta " +
        "tujuh ratus empat puluh ribu sembilan ratus sembilan puluh satu",
    );
  });

  it("spells bigint amounts above Number.MAX_SAFE_INTEGER exactly", () => {
    expect(terbilang(12_345_678_901_234_567n)).toBe(
      "dua belas kuadriliun tiga ratus empat puluh lima triliun enam ratus tujuh puluh delapan miliar " +
        "sembilan ratus satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh",
    );
    expect(terbilang(999_999_999_999_999_999n)).toBe(
      "sembilan ratus sembilan puluh sembilan kuadriliun sembilan ratus sembilan puluh sembilan triliun " +
        "sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta " +
        "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan",
    );
  });

  it("gives the same words for a number and the equal bigint", () => {
    for (const n of [0, 1, 1_000, 21_000, 1_250_000, 3_600_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(terbilang(BigInt(n))).toBe(terbilang(n));
    }
  });

  it("separates words by single spaces, all in lower case", () => {
    for (const n of [0, 7, 10_010, 100_000_100, 2_000_000_000_002, 999_999_999_999_999_999n]) {
      const words = terbilang(n);
      expect(words).toBe(words.toLowerCase());
      expect(words).toMatch(/^[a-z]+( [a-z]+)*$/);
    }
  });
});

describe("terbilangRupiah", () => {
  it("appends 'rupiah', including for zero", () => {
    expect(terbilangRupiah(0)).toBe("nol rupiah");
    expect(terbilangRupiah(1_250_000)).toBe("satu juta dua ratus lima puluh ribu rupiah");
    expect(terbilangRupiah(1_000n)).toBe("seribu rupiah");
  });
});

describe("capitalise", () => {
  it("upper-cases only the first letter, as documents print the amount as a sentence", () => {
    expect(capitalise(terbilangRupiah(1_250_000))).toBe("Satu juta dua ratus lima puluh ribu rupiah");
    expect(capitalise("nol rupiah")).toBe("Nol rupiah");
    expect(capitalise("")).toBe("");
  });
});

describe("terbilang rejects what is not a whole number of rupiah within range", () => {
  it.each<[string, number | bigint]>([
    ["a negative number", -1],
    ["a negative bigint", -1n],
    ["a fraction", 1.5],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("throws a RangeError for %s", (_label, n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
    expect(() => terbilang(n)).toThrow(/^terbilang needs a whole number of rupiah from 0 to 999999999999999999/);
    expect(() => terbilangRupiah(n)).toThrow(RangeError);
  });

  it("throws a RangeError above 999 kuadriliun, the largest amount with a scale word", () => {
    expect(TERBILANG_MAX).toBe(999_999_999_999_999_999n);
    expect(() => terbilang(TERBILANG_MAX + 1n)).toThrow(RangeError);
    expect(() => terbilang(TERBILANG_MAX + 1n)).toThrow(/from 0 to 999999999999999999, got 1000000000000000000$/);
  });

  it("throws a RangeError for a number above Number.MAX_SAFE_INTEGER, whose last digits are already lost", () => {
    expect(() => terbilang(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => terbilang(1e17)).toThrow(/must be passed as a bigint/);
  });
});
