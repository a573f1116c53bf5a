-- Schema version 5: count rules at the joints (issue 10): a marking convention per contest.
-- Rule 3: "each contest (paper group) says which" convention its papers use, so a pre-vote
-- (预选) where no mark means agree and a formal vote with the default share one congress. The
-- congress setting stays as the default for new contests. The handlers fix a contest's
-- convention once it has a ballot and keep one convention per paper group.
ALTER TABLE contests ADD COLUMN marking TEXT NOT NULL
  DEFAULT '{"circle":"for","cross":"against","none":"abstain","writeInNeedsMark":true,"writeInNeedsAgainst":true}'
  CHECK (
    json_valid(marking)
    AND json_type(marking) = 'object'
    AND json_extract(marking, '$.circle') IN ('for', 'against', 'abstain')
    AND json_extract(marking, '$.cross') IN ('for', 'against', 'abstain')
    AND json_extract(marking, '$.none') IN ('for', 'against', 'abstain')
    AND json_type(marking, '$.writeInNeedsMark') IN ('true', 'false')
    AND json_type(marking, '$.writeInNeedsAgainst') IN ('true', 'false')
  );

-- Existing contests were counted with the congress's convention: they keep it. Settings written
-- by an older version may lack keys; those take the default, as readSettings does.
UPDATE contests SET marking = (
  SELECT json_patch(
    '{"circle":"for","cross":"against","none":"abstain","writeInNeedsMark":true,"writeInNeedsAgainst":true}',
    coalesce(json_extract(c.settings_json, '$.marking'), '{}')
  )
  FROM congress c WHERE c.id = 1
)
WHERE EXISTS (SELECT 1 FROM congress WHERE id = 1);
