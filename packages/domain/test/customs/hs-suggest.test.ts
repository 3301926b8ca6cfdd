import { describe, expect, it } from "vitest";
import { stemWord, suggestHsCodes } from "../../src/index";

const top = (title: string, description?: string) => suggestHsCodes({ title, description })[0];
const codes = (title: string) => suggestHsCodes({ title }).map((s) => s.hsCode);

describe("suggestHsCodes", () => {
  it("maps the words merchants use to their headings", () => {
    expect(top("Graphic tee oversized")?.hsCode.slice(0, 4)).toBe("6109");
    expect(top("Zip hoodie")?.hsCode.slice(0, 4)).toBe("6110");
    expect(top("Crewneck sweatshirt")?.hsCode.slice(0, 4)).toBe("6110");
    expect(top("Men's running sneakers")?.hsCode).toBe("640411");
    expect(top("Wireless Bluetooth earbuds with charging case")?.hsCode).toBe("851830");
    expect(top("Over-ear headphones")?.hsCode).toBe("851830");
    expect(top("65W USB-C GaN charger")?.hsCode).toBe("850440");
    expect(top("Ceramic coffee mug 350 ml")?.hsCode).toBe("691200");
    expect(top("Porcelain mug")?.hsCode).toBe("691110");
    expect(top("Wooden jigsaw puzzle 1000 pieces")?.hsCode).toBe("950300");
    expect(top("Vitamin C face serum")?.hsCode).toBe("330499");
  });

  it("narrows to a subheading by material and explains which words matched", () => {
    const tee = top("Cotton T-Shirt red M");
    expect(tee).toMatchObject({ hsCode: "610910", heading: "6109" });
    expect(tee?.matchedWords).toEqual(expect.arrayContaining(["tshirt", "cotton"]));
    expect(tee?.explanation).toMatch(/"cotton" chose 6109\.10/);
    expect(tee?.headingText).toMatch(/T-shirts/);
    expect(top("Polyester fleece hoodie")?.hsCode).toBe("611030");
    expect(top("Sterling silver necklace")?.hsCode).toBe("711311");
    expect(top("Gold plated stainless steel necklace")?.hsCode).toBe("711719");
  });

  it("offers both usual classifications of a phone case, material first", () => {
    expect(codes("Phone case for iPhone 15").slice(0, 2).sort()).toEqual(["392690", "420232"]);
    expect(top("Silicone phone case")?.hsCode).toBe("392690");
    expect(top("Leather phone case")?.hsCode).toBe("420231");
    expect(codes("Phone case for iPhone 15")).not.toContain("851713");
    expect(top("Unlocked smartphone 128GB")?.hsCode).toBe("851713");
  });

  it("folds plurals and words written apart", () => {
    expect(stemWord("hoodies")).toBe("hoody");
    expect(stemWord("glasses")).toBe("glass");
    expect(stemWord("watches")).toBe("watch");
    expect(stemWord("cases")).toBe("case");
    expect(top("Set of 3 hoodies")?.hsCode.slice(0, 4)).toBe("6110");
    expect(top("t shirt black")?.hsCode.slice(0, 4)).toBe("6109");
    expect(top("Polarized sunglasses")?.hsCode).toBe("900410");
  });

  it("counts description words for less than title words and ranks best first", () => {
    const fromDescription = top("Summer essential", "A soft cotton tee for everyday wear");
    expect(fromDescription?.hsCode).toBe("610910");
    const fromTitle = top("Cotton tee");
    expect(fromTitle && fromDescription && fromTitle.score > fromDescription.score).toBe(true);
    const list = suggestHsCodes({ title: "Cotton T-shirt" });
    expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
  });

  it("returns nothing for words it cannot place", () => {
    expect(suggestHsCodes({ title: "Zxqv" })).toEqual([]);
    expect(suggestHsCodes({ title: "" })).toEqual([]);
  });
});
