import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../accounts/index.js';
import { DepartmentClearance } from './registration.entity.js';

/**
 * The applicant's answer to an outstanding obligation a department recorded (BLOCKED): what was
 * paid or done. Each answer puts the clearance back in the department's queue; all are kept.
 */
@Entity({ tableName: 'department_clearance_answers' })
@Index({ name: 'department_clearance_answers_clearance_idx', properties: ['clearance', 'answeredAt'] })
export class DepartmentClearanceAnswer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => DepartmentClearance)
  clearance!: DepartmentClearance;

  @Property({ type: 'text' })
  text!: string;

  @ManyToOne(() => User)
  answeredBy!: User;

  @Property({ type: 'datetime' })
  answeredAt!: Date;
}
