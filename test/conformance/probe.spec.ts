import { interpolReport } from '../../libs/reports/src/render/testing/report.factory';
import { toAnnotationCollection, toAnnotationPage, toWebAnnotation } from '../../libs/reports/src/web-annotation';
import { LISTS, failedAssertions, loadAssertionList, samples } from './web-annotation-suite';

it('probe', () => {
  const article = interpolReport().articles[0];
  const publicUrl = 'https://claims.deskcheck.example';
  const collection = toAnnotationCollection(article, { publicUrl, pageSize: 4 });
  const page2 = toAnnotationPage(article, 2, { publicUrl, pageSize: 4 });
  const out: Record<string, unknown> = {};
  for (const [name, file] of Object.entries(LISTS)) {
    const list = loadAssertionList(file);
    const docs: Array<[string, unknown]> = name.startsWith('annotation')
      ? article.claims.map((c, i) => [`claim${i}`, toWebAnnotation(c, article, { publicUrl, withContext: true })])
      : name.startsWith('collection') ? [['collection', collection]] : [['collection', collection], ['page1', toAnnotationPage(article, 1, { publicUrl, pageSize: 4 })], ['page2', page2]];
    const fails: Record<string, string[]> = {};
    for (const [d, doc] of docs) for (const f of failedAssertions(list, doc)) (fails[`${f.type} ${f.file}`] ??= []).push(d);
    out[name] = fails;
  }
  const must = loadAssertionList(LISTS.annotationMusts);
  out.correct = samples('correct').map((s) => { try { const j = JSON.parse(s.text); return [s.file, failedAssertions(must, j).length]; } catch { return [s.file, 'nojson']; } });
  out.incorrect = samples('incorrect').map((s) => { try { const j = JSON.parse(s.text); return [s.file, failedAssertions(must, j).map(f=>f.file).length]; } catch { return [s.file, 'nojson']; } });
  console.log(JSON.stringify(out, null, 1));
});
