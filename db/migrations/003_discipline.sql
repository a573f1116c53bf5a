-- Schema version 3: the oath of election discipline (集中宣誓) and each delegate's pledge
-- (严肃换届纪律承诺书). A text is versioned and never edited: the oath and every pledge point
-- at the version that was read, so later edits never change what someone swore or signed.

CREATE TABLE discipline_texts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('oath', 'pledge')),
  -- 1, 2, … per kind, in the order the secretariat saved them.
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (kind, version)
) STRICT;

CREATE TRIGGER discipline_texts_no_update BEFORE UPDATE ON discipline_texts
BEGIN
  SELECT RAISE(ABORT, 'discipline_texts is append-only');
END;

CREATE TRIGGER discipline_texts_no_delete BEFORE DELETE ON discipline_texts
BEGIN
  SELECT RAISE(ABORT, 'discipline_texts is append-only');
END;

-- The default texts the secretariat starts from. The ten prohibitions are those of the
-- 2021 换届 (“十严禁”); each congress edits them to its own wording.
INSERT INTO discipline_texts (kind, version, body, created_at, created_by) VALUES
('oath', 1, '我宣誓:坚决拥护中国共产党的领导,严守党的政治纪律和政治规矩,严格遵守换届纪律“十严禁”要求,不拉帮结派,不拉票贿选,不跑风漏气,不说情打招呼,不弄虚作假,不干扰换届,自觉接受党组织和党员群众的监督,以实际行动确保换届风清气正。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
('pledge', 1, '严肃换届纪律承诺书

本人作为党代表,郑重承诺:严格遵守换届纪律“十严禁”——
一、严禁拉帮结派;
二、严禁拉票贿选;
三、严禁买官卖官;
四、严禁跑官要官;
五、严禁个人说了算;
六、严禁说情打招呼;
七、严禁违规用人;
八、严禁跑风漏气;
九、严禁干扰换届;
十、严禁弄虚作假。
正确行使民主权利,按照选举办法投票,自觉接受组织和党员群众的监督。如有违反,自愿接受组织处理。', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system');

-- One collective oath per meeting. `ended_at` and `leader` are the only columns that change
-- after the start (the leader's name may be typed after the key press that started it).
CREATE TABLE oaths (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings (id),
  text_id INTEGER NOT NULL REFERENCES discipline_texts (id),
  leader TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT CHECK (ended_at IS NULL OR ended_at >= started_at),
  operator TEXT NOT NULL,
  station TEXT NOT NULL
) STRICT;

CREATE TRIGGER oaths_no_delete BEFORE DELETE ON oaths
BEGIN
  SELECT RAISE(ABORT, 'oaths are kept');
END;

CREATE TRIGGER oaths_fixed_start BEFORE UPDATE ON oaths
WHEN NOT (NEW.id = OLD.id AND NEW.meeting_id = OLD.meeting_id AND NEW.text_id = OLD.text_id
  AND NEW.started_at = OLD.started_at AND NEW.operator = OLD.operator AND NEW.station = OLD.station
  AND (OLD.ended_at IS NULL OR NEW.ended_at = OLD.ended_at))
BEGIN
  SELECT RAISE(ABORT, 'an oath keeps its start, and its end once recorded');
END;

-- Who took the oath: the delegates checked in when it began (late = 0), and latecomers
-- added afterwards with their own time (late = 1).
CREATE TABLE oath_participants (
  oath_id INTEGER NOT NULL REFERENCES oaths (id),
  delegate_id INTEGER NOT NULL REFERENCES delegates (id),
  joined_at TEXT NOT NULL,
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  operator TEXT NOT NULL,
  PRIMARY KEY (oath_id, delegate_id)
) STRICT;

CREATE TRIGGER oath_participants_no_update BEFORE UPDATE ON oath_participants
BEGIN
  SELECT RAISE(ABORT, 'oath_participants is append-only');
END;

CREATE TRIGGER oath_participants_no_delete BEFORE DELETE ON oath_participants
BEGIN
  SELECT RAISE(ABORT, 'oath_participants is append-only');
END;

-- Each delegate's pledge: signed (with the signature as PNG bytes) or refused. A delegate's
-- current pledge is the latest row not withdrawn; a withdrawal fills the withdrawn_*
-- columns once (with its reason) and nothing else ever changes.
CREATE TABLE pledges (
  id INTEGER PRIMARY KEY,
  delegate_id INTEGER NOT NULL REFERENCES delegates (id),
  status TEXT NOT NULL CHECK (status IN ('signed', 'refused')),
  text_id INTEGER NOT NULL REFERENCES discipline_texts (id),
  -- The meeting at whose desk it was taken, if any (a pledge station may work before).
  meeting_id INTEGER REFERENCES meetings (id),
  signature BLOB,
  -- SHA-256 (hex) of `signature`, so lists can name the image without reading it.
  signature_sha256 TEXT CHECK (signature_sha256 IS NULL OR length(signature_sha256) = 64),
  note TEXT,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  station TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT,
  withdrawn_reason TEXT,
  CHECK ((status = 'signed') = (signature IS NOT NULL)),
  CHECK ((signature IS NULL) = (signature_sha256 IS NULL)),
  CHECK (signature IS NULL OR substr(signature, 1, 8) = X'89504E470D0A1A0A'),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_by IS NULL)),
  CHECK (withdrawn_reason IS NULL OR length(trim(withdrawn_reason)) > 0)
) STRICT;

CREATE INDEX pledges_by_delegate ON pledges (delegate_id, id);

CREATE TRIGGER pledges_no_delete BEFORE DELETE ON pledges
BEGIN
  SELECT RAISE(ABORT, 'pledges are kept');
END;

CREATE TRIGGER pledges_only_withdrawal BEFORE UPDATE ON pledges
WHEN NOT (OLD.withdrawn_at IS NULL AND NEW.id = OLD.id AND NEW.delegate_id = OLD.delegate_id
  AND NEW.status = OLD.status AND NEW.text_id = OLD.text_id AND NEW.meeting_id IS OLD.meeting_id
  AND NEW.signature IS OLD.signature AND NEW.signature_sha256 IS OLD.signature_sha256 AND NEW.note IS OLD.note AND NEW.at = OLD.at
  AND NEW.operator = OLD.operator AND NEW.station = OLD.station)
BEGIN
  SELECT RAISE(ABORT, 'a pledge is only ever withdrawn, once');
END;
