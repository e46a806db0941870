import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { seed000Draft, seed001Plan } from './plan-document.fixtures';
import { renderPlanDocx } from './plan-docx';

/** A run of text with the formatting the tests check, read from WordprocessingML. */
type Run = { text: string; bold: boolean; italic: boolean; size: number | null };
type Para = { text: string; runs: Run[]; xml: string };

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Paragraphs in document order (inside table cells too), with their runs. */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([pXml, inner]) => {
    const runs = [...(inner ?? '').matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r = '']) => {
      const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r)?.[1] ?? '';
      const size = /<w:sz w:val="(\d+)"\/>/.exec(props)?.[1];
      return {
        text: decode([...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
        bold: /<w:b\/>/.test(props),
        italic: /<w:i\/>/.test(props),
        size: size === undefined ? null : Number(size),
      };
    });
    return { text: runs.map((r) => r.text).join(''), runs, xml: pXml };
  });
}

async function readDocx(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (file === null) throw new Error(`${name} missing from the package`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  return {
    zip,
    document,
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
    paras: paragraphs(document),
  };
}

describe('renderPlanDocx — seed 001', () => {
  let docx: Awaited<ReturnType<typeof readDocx>>;
  const find = (text: string) => {
    const p = docx.paras.find((x) => x.text === text);
    if (p === undefined) throw new Error(`no paragraph "${text}"`);
    return p;
  };
  const onlyRun = (text: string) => {
    const runs = find(text).runs.filter((r) => r.text !== '');
    expect(runs).toHaveLength(1);
    return runs[0]!;
  };

  beforeAll(async () => {
    docx = await readDocx(await renderPlanDocx(seed001Plan()));
  });

  it('writes the text in document order', () => {
    const all = docx.paras.map((p) => p.text);
    const expected = [
      'ỦY BAN NHÂN DÂN',
      'HUYỆN CHÂU THÀNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 47/KH-UBND',
      'Châu Thành, ngày 18 tháng 02 năm 2022',
      'KẾ HOẠCH',
      seed001Plan().title,
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỦ ĐỀ VÀ MỤC TIÊU THI ĐUA',
      'III. ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN THI ĐUA',
      'IV. TỔ CHỨC THỰC HIỆN',
      'Nơi nhận:',
      '- Ban TĐKT Tỉnh;',
      '- Lưu: VT, PM.',
      'CHỦ TỊCH',
      'Lê Ngọc Ân',
    ];
    const positions = expected.map((t) => all.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const bases = all.filter(
      (t) => t.startsWith('Căn cứ ') && !t.startsWith('Căn cứ Kế hoạch này'),
    );
    expect(bases).toHaveLength(3);
    expect(bases.map((b) => b.at(-1))).toEqual([';', ';', '.']);
  });

  it('sets A4 portrait with margins 20/20/30/15 mm', () => {
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(docx.document)?.[1] ?? '';
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="851"');
  });

  it('uses Times New Roman as the default font (all scripts) and in the theme', async () => {
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(docx.styles)?.[1] ?? '';
    for (const attr of ['ascii', 'hAnsi', 'eastAsia', 'cs'])
      expect(defaults).toContain(`w:${attr}="Times New Roman"`);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    const theme = await docx.zip.file('word/theme/theme1.xml')?.async('string');
    expect(theme).toContain('<a:latin typeface="Times New Roman"/>');
  });

  it('hides the page number on page 1 (different first-page header)', () => {
    expect(docx.document).toMatch(/<w:titlePg\/>/);
    expect(docx.document).toMatch(/<w:headerReference w:type="first"/);
    expect(docx.document).toMatch(/<w:headerReference w:type="default"/);
  });

  it('formats the header per Decree 30', () => {
    expect(onlyRun('ỦY BAN NHÂN DÂN')).toMatchObject({ bold: true, size: 26 });
    expect(onlyRun('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true, size: 26 });
    expect(onlyRun('Độc lập - Tự do - Hạnh phúc')).toMatchObject({ bold: true, size: 28 });
    expect(onlyRun('Số: 47/KH-UBND')).toMatchObject({ bold: false, italic: false, size: 26 });
    expect(onlyRun('Châu Thành, ngày 18 tháng 02 năm 2022')).toMatchObject({
      italic: true,
      size: 28,
    });
    expect(docx.document).toMatch(/<w:tblBorders><w:top w:val="none"/);
  });

  it('formats the type heading, trích yếu, legal bases and body', () => {
    expect(onlyRun('KẾ HOẠCH')).toMatchObject({ bold: true, size: 28 });
    expect(find('KẾ HOẠCH').xml).toContain('<w:jc w:val="center"/>');
    expect(onlyRun(seed001Plan().title)).toMatchObject({ bold: true, size: 28 });
    const basis = docx.paras.find((p) => p.text.startsWith('Căn cứ Chỉ thị số 23/CT-TTg'));
    expect(basis?.runs[0]).toMatchObject({ italic: true, size: 28 });
    expect(basis?.xml).toContain('w:firstLine="720"');
    expect(basis?.xml).toContain('<w:jc w:val="both"/>');
    expect(onlyRun('I. MỤC ĐÍCH, YÊU CẦU')).toMatchObject({ bold: true, size: 28 });
    const body = docx.paras.find((p) => p.text.startsWith('- Phát huy vai trò'));
    expect(body?.runs[0]).toMatchObject({ bold: false, italic: false, size: 28 });
    expect(body?.xml).toMatch(/<w:spacing w:after="120" w:before="0" w:line="288"/);
  });

  it('formats the Nơi nhận and signature block', () => {
    expect(onlyRun('Nơi nhận:')).toMatchObject({ bold: true, italic: true, size: 24 });
    expect(onlyRun('- Ban TĐKT Tỉnh;')).toMatchObject({ bold: false, italic: false, size: 22 });
    expect(onlyRun('CHỦ TỊCH')).toMatchObject({ bold: true, size: 28 });
    expect(onlyRun('Lê Ngọc Ân')).toMatchObject({ bold: true, size: 28 });
    expect(find('CHỦ TỊCH').xml).toContain('<w:jc w:val="center"/>');
  });

  it('stamps the package with the issue date, not the render time', () => {
    expect(docx.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-02-18T00:00:00Z');
    expect(docx.core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2022-02-18T00:00:00Z');
    for (const file of Object.values(docx.zip.files))
      expect(file.date.toISOString()).toBe('2022-02-18T00:00:00.000Z');
  });
});

describe('renderPlanDocx — drafts and reproducibility', () => {
  it('puts DỰ THẢO in the first-page header and leaves the number blank', async () => {
    const buf = await renderPlanDocx(seed000Draft());
    const zip = await JSZip.loadAsync(buf);
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const ref = /<w:headerReference w:type="first" r:id="(\w+)"/.exec(document)?.[1];
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    const target = new RegExp(`Id="${ref}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    const header = (await zip.file(`word/${target}`)?.async('string')) ?? '';
    expect(paragraphs(header).map((p) => p.text)).toContain('DỰ THẢO');
    const texts = paragraphs(document).map((p) => p.text);
    expect(texts).toContain('Số:      /KH-UBND');
    expect(texts).toContain('Lương Điền, ngày      tháng      năm 2026');
    expect(texts).toContain('UBND HUYỆN CẨM GIÀNG');
  });

  it('gives identical bytes for the same input and different bytes for another', async () => {
    const a = await renderPlanDocx(seed001Plan());
    const b = await renderPlanDocx(seed001Plan());
    expect(a.equals(b)).toBe(true);
    const c = await renderPlanDocx(seed001Plan({ documentNumber: '48/KH-UBND' }));
    expect(a.equals(c)).toBe(false);
  });
});
