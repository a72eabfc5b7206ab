import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { en, th } from '../i18n/core-catalog.js';
import { registerCatalog, translate } from '../i18n/i18n.js';
import { describeFieldMessage, fieldErrorsOf } from './field-messages.js';
import { normalizeTypedNumber, typedInteger, typedNumber } from './typed-number.js';

registerCatalog('', th, en);

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  assert.equal(result.success, false, `refused: ${JSON.stringify(value)}`);
  return fieldErrorsOf(result.error!.issues);
};

void describe('validator messages', () => {
  const Form = z.object({
    title: z.string().max(5),
    code: z.string().regex(/^[ie]\d+$/),
    count: z.coerce.number().int(),
    email: z.email(),
    unit: z.uuid(),
    link: z.union([z.literal(''), z.url()]),
  });

  void it('are catalog keys with their limits, never zod’s English', () => {
    const errors = errorsOf(Form, {
      title: 'ยาวเกินไปแล้ว',
      code: 'x9',
      count: 'abc',
      email: 'nobody',
      unit: '1',
      link: 'not a link',
    });
    assert.deepEqual(errors, {
      title: 'form.textTooLong?max=5',
      code: 'form.badFormat',
      count: 'form.notANumber',
      email: 'form.badEmail',
      unit: 'form.badChoice',
      link: 'form.badUrl',
    });
    for (const message of Object.values(errors)) {
      for (const locale of ['th', 'en'] as const) {
        const text = translate(locale, message);
        assert.doesNotMatch(text, /Invalid|received|\{|form\./, text);
      }
    }
    assert.equal(translate('th', errors.title!), 'ข้อความยาวเกิน 5 ตัวอักษร กรุณาตัดให้สั้นลง');
    assert.equal(
      translate('en', errors.title!),
      'The text is longer than 5 characters; please shorten it.',
    );
  });

  void it('keeps a schema’s own message', () => {
    const Percent = typedNumber(z.coerce.number().max(100, 'measures.errors.percentRange'));
    assert.deepEqual(errorsOf(z.object({ p: Percent }), { p: '150' }), {
      p: 'measures.errors.percentRange',
    });
  });

  void it('reads in Thai and English at start-up, before any catalog is registered', () => {
    assert.equal(describeFieldMessage('form.numberTooBig?max=100', 'th'), 'ต้องไม่เกิน 100');
    assert.equal(describeFieldMessage('form.numberTooBig?max=100', 'en'), 'Must be at most 100.');
    assert.equal(describeFieldMessage('some other text', 'en'), 'some other text');
  });
});

void describe('numbers typed by people', () => {
  void it('accept Thai digits, thousands separators and spaces', () => {
    assert.equal(normalizeTypedNumber('๒๕๖๙'), '2569');
    assert.equal(normalizeTypedNumber(' 1,500 '), '1500');
    assert.equal(normalizeTypedNumber('๑,๒๓๔,๕๖๗.๕'), '1234567.5');
    assert.equal(normalizeTypedNumber('1 000'), '1000');
    assert.equal(typedInteger({ min: 0 }).parse('๕๐'), 50);
    assert.equal(typedNumber(z.coerce.number()).parse('๑,๕๐๐'), 1500);
  });

  void it('refuse what is not a plain number, with a message', () => {
    assert.equal(normalizeTypedNumber('1,5'), '1,5');
    for (const bad of ['1,5', '0x10', '1e3', 'Infinity', 'สาม']) {
      assert.deepEqual(errorsOf(z.object({ n: typedInteger() }), { n: bad }), {
        n: 'form.notANumber',
      });
    }
    assert.deepEqual(errorsOf(z.object({ n: typedInteger() }), { n: '' }), { n: 'form.required' });
    assert.deepEqual(errorsOf(z.object({ n: typedInteger() }), { n: '2.5' }), {
      n: 'form.notWholeNumber',
    });
  });
});
