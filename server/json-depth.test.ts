import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nestedTooDeeply } from './json-depth.js';

describe('nestedTooDeeply', () => {
  it('counts objects and arrays, up to and past the limit', () => {
    assert.equal(nestedTooDeeply('[[[]]]', 3), false);
    assert.equal(nestedTooDeeply('[[[[]]]]', 3), true);
    assert.equal(nestedTooDeeply('{"a":{"b":[1]}}', 3), false);
    assert.equal(nestedTooDeeply('{"a":{"b":[{}]}}', 3), true);
    assert.equal(nestedTooDeeply('[[],[],[],[]]', 2), false, 'siblings are not depth');
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    assert.equal(nestedTooDeeply('{"a":"[[[[{{{{"}', 1), false);
    assert.equal(nestedTooDeeply('{"a":"\\"[[[["}', 1), false);
    assert.equal(nestedTooDeeply('{"a\\\\":[[]]}', 2), true, 'an escaped backslash ends before the closing quote');
  });
});
