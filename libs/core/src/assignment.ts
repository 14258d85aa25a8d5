import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { Actor, hasRole } from './actor';
import { forbidden, validationFailed } from './domain-error';
import { assertVersion } from './concurrency';
import { IsIsoTime, toStoredTime } from './input';

/** `PUT /claims/:id/assignment` and `PUT /articles/:id/assignment` (API.md, "Work"). */
export class AssignmentDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the user who works on it; null gives it back' })
  @ValidateIf((_dto: object, value: unknown) => value !== null)
  @IsUUID('all', { message: 'assigneeId must be a user id or null' })
  assigneeId!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-10T17:00:00.000Z', description: 'when it is due; omitted keeps it, null clears it' })
  @IsOptional()
  @IsIsoTime()
  dueAt?: string | null;
}

/** Who works on a claim or an article, until when, and since when. */
export interface Assignment {
  assigneeId: string | null;
  dueAt: string | null;
  assignedAt: string | null;
}

/**
 * API.md: an editor assigns anyone; a reviewer takes unassigned work for themselves or gives back
 * their own (taking one's own again only changes its due date); anything else is refused.
 */
export function mayAssign(actor: Actor, current: string | null, requested: string | null): boolean {
  if (hasRole(actor, 'editor')) return true;
  if (current === null) return requested === actor.id;
  return current === actor.id && (requested === null || requested === actor.id);
}

export function assertMayAssign(actor: Actor, current: string | null, requested: string | null): void {
  if (!mayAssign(actor, current, requested)) {
    throw forbidden('an editor assigns anyone; a reviewer may take unassigned work for themselves or give back their own');
  }
}

/** The assignment after `input`: `dueAt` omitted keeps it; `since` restarts whenever the assignee changes. */
export function nextAssignment(before: Assignment, input: AssignmentDto, now: string): Assignment {
  const assigneeId = input.assigneeId;
  const assignedAt = assigneeId === null ? null : assigneeId === before.assigneeId ? before.assignedAt : now;
  const dueAt = input.dueAt === undefined ? before.dueAt : toStoredTime(input.dueAt) ?? null;
  return { assigneeId, dueAt, assignedAt };
}

/**
 * The checks of one assignment, in the order API.md answers them (403, 412, then 422 from
 * `assertAssignable` for a new assignee), and the assignment they allow.
 */
export async function checkedAssignment(
  actor: Actor, before: Assignment & { version: number }, input: AssignmentDto, expectedVersion: number | undefined,
  assertAssignable: (userId: string) => Promise<void>, now: string,
): Promise<Assignment> {
  assertMayAssign(actor, before.assigneeId, input.assigneeId);
  assertVersion(expectedVersion, before.version);
  if (input.assigneeId !== null && input.assigneeId !== before.assigneeId) await assertAssignable(input.assigneeId);
  return nextAssignment(before, input, now);
}

/** `?assignee=me|none|<userId>` on the claim and article lists. */
export const ASSIGNEE_FILTER = /^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export const AssigneeFilter = (): PropertyDecorator => applyDecorators(
  ApiPropertyOptional({ description: 'me, none, or a user id: only what is assigned to them (none: to nobody)', example: 'me' }),
  IsOptional(),
  Matches(ASSIGNEE_FILTER, { message: 'assignee must be me, none or a user id' }),
);

/** The WHERE condition of an assignee filter on `column`, for a query builder; `me` is the reader. */
export function assigneeCondition(column: string, filter: string, reader: Actor | undefined): { where: string; parameters: Record<string, string> } {
  if (filter === 'none') return { where: `${column} IS NULL`, parameters: {} };
  if (filter === 'me' && !reader) throw validationFailed('assignee', 'me needs a signed-in reader');
  return { where: `${column} = :assignee`, parameters: { assignee: filter === 'me' && reader ? reader.id : filter } };
}
