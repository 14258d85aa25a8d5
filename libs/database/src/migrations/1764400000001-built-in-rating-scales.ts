import { MigrationInterface, QueryRunner } from 'typeorm';

interface Level {
  key: string;
  label: string;
  value: number | null;
  description: string;
}

const level = (key: string, label: string, value: number | null, description: string): Level => ({ key, label, value, description });

/** The rating scales every desk starts with (API.md, "Verdicts"). */
export const BUILT_IN_SCALES = [
  {
    id: 'claimdesk-6',
    name: 'ClaimDesk six-point scale',
    bestRating: 5,
    worstRating: 1,
    levels: [
      level('true', 'True', 5, 'The claim is accurate and nothing significant is missing.'),
      level('mostly-true', 'Mostly true', 4, 'The claim is accurate but needs clarification or additional information.'),
      level('mixed', 'Mixed', 3, 'The claim is partly accurate and partly not.'),
      level('mostly-false', 'Mostly false', 2, 'The claim contains an element of truth but ignores facts that would give a different impression.'),
      level('false', 'False', 1, 'The claim is not accurate.'),
      level('unsupported', 'Unsupported', null, 'There is not enough evidence to rate the claim either way.'),
    ],
  },
  {
    id: 'truth-o-meter',
    name: 'Truth-O-Meter',
    bestRating: 6,
    worstRating: 1,
    levels: [
      level('true', 'True', 6, 'The statement is accurate and there’s nothing significant missing.'),
      level('mostly-true', 'Mostly True', 5, 'The statement is accurate but needs clarification or additional information.'),
      level('half-true', 'Half True', 4, 'The statement is partially accurate but leaves out important details or takes things out of context.'),
      level('mostly-false', 'Mostly False', 3, 'The statement contains an element of truth but ignores critical facts that would give a different impression.'),
      level('false', 'False', 2, 'The statement is not accurate.'),
      level('pants-on-fire', 'Pants on Fire', 1, 'The statement is not accurate and makes a ridiculous claim.'),
    ],
  },
];

export class BuiltInRatingScales1764400000001 implements MigrationInterface {
  name = 'BuiltInRatingScales1764400000001';

  async up(db: QueryRunner): Promise<void> {
    const now = new Date().toISOString();
    const postgres = db.connection.options.type === 'postgres';
    const slots = Array.from({ length: 8 }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    for (const scale of BUILT_IN_SCALES) {
      await db.query(
        `INSERT INTO rating_scales (id, name, levels, best_rating, worst_rating, built_in, created_at, updated_at, version) VALUES (${slots}, 1)`,
        [scale.id, scale.name, JSON.stringify(scale.levels), scale.bestRating, scale.worstRating, postgres ? true : 1, now, now],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM rating_scales WHERE id IN ('claimdesk-6', 'truth-o-meter')`);
  }
}
