/**
 * Add to an .xlsx what a copy through ExcelJS cannot carry — a chart and a shape in a drawing, a pivot table, a
 * slicer, a form control, threaded comments, sparklines, macros, a link to another workbook, a data connection — as
 * the zip parts Excel writes for them (enough for a reader of the parts; not a complete chart).
 */
import JSZip from "jszip";

export interface RichParts {
  sheet?: number;
  charts?: number;
  shapes?: number;
  pivots?: number;
  slicers?: number;
  controls?: number;
  threaded?: number;
  sparklines?: number;
  macros?: boolean;
  externalLinks?: number;
  connections?: number;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function addRel(rels: string, id: string, type: string, target: string): string {
  return rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
}

export async function withRichParts(bytes: Uint8Array | Buffer, p: RichParts): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const n = p.sheet ?? 1;
  const sheetPart = `xl/worksheets/sheet${n}.xml`;
  const relsPart = `xl/worksheets/_rels/sheet${n}.xml.rels`;
  let rels = (await zip.file(relsPart)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let k = 0;
  const id = () => `rIdSfsTest${++k}`;
  if (p.charts || p.shapes) {
    const frames = Array.from({ length: p.charts ?? 0 }, (_, i) =>
      `<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdC${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    ).join("");
    const shapes = Array.from({ length: p.shapes ?? 0 }, (_, i) =>
      `<xdr:oneCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${i}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="900000" cy="300000"/><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${100 + i}" name="TextBox ${i + 1}"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Read me</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>`,
    ).join("");
    zip.file("xl/drawings/drawing77.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${frames}${shapes}</xdr:wsDr>`);
    let drels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    for (let i = 0; i < (p.charts ?? 0); i++) {
      zip.file(`xl/charts/chart7${i}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart/></c:plotArea></c:chart></c:chartSpace>`);
      drels = addRel(drels, `rIdC${i + 1}`, `${REL}/chart`, `../charts/chart7${i}.xml`);
    }
    zip.file("xl/drawings/_rels/drawing77.xml.rels", drels);
    rels = addRel(rels, id(), `${REL}/drawing`, "../drawings/drawing77.xml");
  }
  for (let i = 0; i < (p.pivots ?? 0); i++) {
    zip.file(`xl/pivotTables/pivotTable7${i}.xml`, `<?xml version="1.0" encoding="UTF-8"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable${i + 1}"/>`);
    rels = addRel(rels, id(), `${REL}/pivotTable`, `../pivotTables/pivotTable7${i}.xml`);
  }
  if (p.slicers) {
    const list = Array.from({ length: p.slicers }, (_, i) => `<slicer name="Slicer_${i + 1}" cache="Slicer_Cache${i}" caption="Level" rowHeight="241300"/>`).join("");
    zip.file("xl/slicers/slicer7.xml", `<?xml version="1.0" encoding="UTF-8"?><slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">${list}</slicers>`);
    rels = addRel(rels, id(), "http://schemas.microsoft.com/office/2007/relationships/slicer", "../slicers/slicer7.xml");
  }
  for (let i = 0; i < (p.controls ?? 0); i++) {
    zip.file(`xl/ctrlProps/ctrlProp7${i}.xml`, `<?xml version="1.0" encoding="UTF-8"?><formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox"/>`);
    rels = addRel(rels, id(), `${REL}/ctrlProp`, `../ctrlProps/ctrlProp7${i}.xml`);
  }
  if (p.threaded) {
    const list = Array.from({ length: p.threaded }, (_, i) => `<threadedComment ref="A${i + 2}" dT="2026-01-01T00:00:00" personId="{0}" id="{${i}}"><text>Check this</text></threadedComment>`).join("");
    zip.file("xl/threadedComments/threadedComment7.xml", `<?xml version="1.0" encoding="UTF-8"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">${list}</ThreadedComments>`);
    rels = addRel(rels, id(), "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", "../threadedComments/threadedComment7.xml");
  }
  zip.file(relsPart, rels);
  if (p.sparklines) {
    const groups = Array.from({ length: p.sparklines }, (_, i) => `<x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>Sheet1!A${i + 1}:D${i + 1}</xm:f><xm:sqref>E${i + 1}</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup>`).join("");
    const xml = (await zip.file(sheetPart)!.async("string")).replace(
      "</worksheet>",
      `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">${groups}</x14:sparklineGroups></ext></extLst></worksheet>`,
    );
    zip.file(sheetPart, xml);
  }
  let bookRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  if (p.macros) {
    zip.file("xl/vbaProject.bin", Buffer.from("not really a VBA project"));
    bookRels = addRel(bookRels, "rIdSfsVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin");
  }
  for (let i = 0; i < (p.externalLinks ?? 0); i++) {
    zip.file(`xl/externalLinks/externalLink7${i}.xml`, `<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook/></externalLink>`);
    bookRels = addRel(bookRels, `rIdSfsExt${i}`, `${REL}/externalLink`, `externalLinks/externalLink7${i}.xml`);
  }
  if (p.connections) {
    const list = Array.from({ length: p.connections }, (_, i) => `<connection id="${i + 1}" name="Query - Budget${i}" type="5" refreshedVersion="6"/>`).join("");
    zip.file("xl/connections.xml", `<?xml version="1.0" encoding="UTF-8"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${list}</connections>`);
    bookRels = addRel(bookRels, "rIdSfsConn", `${REL}/connections`, "connections.xml");
  }
  zip.file("xl/_rels/workbook.xml.rels", bookRels);
  return zip.generateAsync({ type: "nodebuffer" });
}
