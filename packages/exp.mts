import { writeFileSync, readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, ImageRun, TextRun } from 'docx';
const png = readFileSync('/tmp/docx/x/word/media/image1.png');
for (const [name, alt] of [['a', undefined], ['b', { id: '1', name: 'x', title: 't', description: 'd' }], ['c', {name: 'x', title: 't', description: 'd' }]] as const) {
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('hi')] }), new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 300, height: 424 }, ...(alt ? { altText: alt } : {}) })] })] }] });
  writeFileSync(`/tmp/docx/exp-${name}.docx`, await Packer.toBuffer(doc));
}
