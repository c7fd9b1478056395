"""Quotes and attributions over a spaCy parse: direct quotes (straight or curly marks, speaker
before, after or inside, colon introductions, quotes over several paragraphs) and reported speech
("X said that ...", "according to X, ..."), each with content, cue and speaker spans.

Quotation marks are scanned leniently: an unmatched mark closes at the end of its paragraph (unless
the next paragraph reopens the quote, as news writing does for long quotes), so unbalanced marks
degrade one stretch of text and never fail an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OPEN = {'"': '"', "“": "”", "«": "»", "„": "“"}
CLOSE = {"”", '"', "»"}
MIN_QUOTE_CHARS = 12
GOVERNED_DEPS = {"dobj", "ccomp", "xcomp", "oprd", "attr", "prep", "pcomp", "pobj"}
DASHES = {"—", "–", "--"}
MIN_REPORTED_CHARS = 3  # "endorsed Trump", "backed Cruz": a name is what a stance verb attributes
MAX_TAG_WORDS = 6  # "…,” the former secretary of state quipped": longer stretches are narrative
MIN_QUOTE_WORDS = 5  # shorter quoted stretches are scare quotes or titles ('face to face'), not statements


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # content span (inside the marks for direct quotes)
    end: int
    cue_start: int | None
    cue_end: int | None
    cue_lemma: str
    speaker_start: int | None
    speaker_end: int | None
    direct: bool
    sentence_start: int
    sentence_end: int
    # A direct quote run's quoted pieces when there are several ("“A,” she said, “B.”"): the
    # narrative between them is the reporter's, not the speaker's content.
    pieces: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The content as the speaker's words only: the quoted pieces, else the one content span."""
        return self.pieces or ((self.start, self.end),)

    def spans_record(self) -> dict[str, Any]:
        """Its offsets as ``scorers/score_polnear.py`` reads them (``dateline extract quotes``)."""
        return {"content_spans": [list(span) for span in self.spans],
                "speaker_span": [self.speaker_start, self.speaker_end] if self.speaker_start is not None else None,
                "cue_span": [self.cue_start, self.cue_end] if self.cue_start is not None else None, "direct": self.direct}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Cues:
    verbs: frozenset[str]
    needs_clause: frozenset[str]
    object_content: frozenset[str]
    infinitive: frozenset[str]
    prepositions: dict[str, frozenset[str]]
    phrases: tuple[str, ...]
    not_sources: frozenset[str]
    not_cues: frozenset[str]
    nouns: dict[str, frozenset[str]]
    agent_nouns: dict[str, frozenset[str]]
    adjectives: dict[str, frozenset[str]]
    viewpoint_nouns: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    data = yaml.safe_load((resources.files("dateline.annotate.quotes") / "cues.yaml").read_text(encoding="utf-8"))

    def groups(name: str) -> dict[str, frozenset[str]]:
        return {k: frozenset(v) for k, v in data[name].items()}

    return _Cues(frozenset(data["verbs"]), frozenset(data["needs_clause"]), frozenset(data["object_content"]),
                 frozenset(data["infinitive"]), {k: frozenset(v) for k, v in data["prepositions"].items()},
                 tuple(data["phrases"]), frozenset(data["not_sources"]), frozenset(data["not_cues"]),
                 groups("nouns"), groups("agent_nouns"), groups("adjectives"),
                 frozenset(data["viewpoint_nouns"]), frozenset(data["hedges"]))  # fmt: skip


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation's content, lenient about unbalanced marks."""
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    closer = ""
    for p_start, p_end in paragraphs:
        i = p_start
        while i < p_end:
            ch, width = _mark(text, i)
            if not ch:
                pass
            elif open_at is None:
                if ch in OPEN and _opens(text, i, width):
                    open_at, closer = i + width, OPEN[ch]
            elif ch == closer or (ch in CLOSE and closer == '"' and ch == "”") or (closer == "”" and ch == '"'):
                if i - open_at >= 1:
                    spans.append((open_at, i))
                open_at = None
            i += width
        if open_at is not None:
            # Unbalanced, or a multi-paragraph quote (the next paragraph reopens it): either way the
            # quotation ends with its paragraph here.
            spans.append((open_at, p_end))
            open_at = None
    return [(s, e) for s, e in spans if e - s >= 1]


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quotation mark at ``i`` (as its one-character equivalent) and its width: some wires and
    archives write ``...'' or ''...'' in ASCII."""
    pair = text[i : i + 2]
    if pair == "''":
        return '"', 2
    if pair == "``":
        return "“", 2
    ch = text[i]
    return (ch, 1) if ch in OPEN or ch in CLOSE else ("", 1)


def _opens(text: str, i: int, width: int = 1) -> bool:
    ch = text[i]
    if ch in "“«„`":
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{:—–-,") and not after.isspace()


def _cue_token(token: Token) -> bool:
    """A speech verb, or a verb of stance whose complement carries what is attributed."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    c = cues()
    lemma = token.lemma_.lower()
    if lemma in c.verbs and (lemma not in c.needs_clause or any(child.dep_ == "ccomp" for child in token.children)):
        return True
    return (lemma in c.object_content or lemma in c.infinitive or lemma in c.prepositions) and _complement(token) is not None


def _subject(verb: Token) -> Token | None:
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    # "a group backing Bush": an active participle's noun is its subject.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    # "won by talking about the wall": the verb the preposition hangs from lends its subject.
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)
    # "she said, adding ...", "Fiorina backed Cruz, saying ...": a participle or a conjoined verb
    # shares the subject of the verb it hangs from; a clause further up ("the minister reiterated
    # ..., declaring ...") lends the subject of the nearest speech verb.
    # "It goes on to fault Clinton's use ..., saying ...": through a chain of participles, infinitives
    # and conjoined verbs the subject is still shared.
    if _trailing_cue(verb) and verb.head.dep_ == "ccomp" and _cue_token(verb.head.head):
        return _subject(verb.head.head)
    head, steps, shares = verb, 0, True
    while head.dep_ in ("advcl", "xcomp", "conj", "ccomp", "parataxis") and head.head is not head and steps < 4:
        shares = shares and head.dep_ in ("advcl", "xcomp", "conj")
        head, steps = head.head, steps + 1
        if shares or _cue_token(head):
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
    return _misparsed_subject(verb)


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after an inverted tag ("…, said Alan Abramowitz, a demographer"), when the parser
    also made the statement's head a subject of the verb."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    after = [c for c in subjects if c.i > verb.i]
    return after[0] if after and len(subjects) > 1 else None


def _misparsed_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parser left without one: a name it made a compound of the
    verb ("Trump barked" read as a noun compound), or a person named right before it that it hung
    elsewhere ("..., former president Bill Clinton said his wife ...")."""
    # A past participle heading its sentence without an auxiliary is a past tense mis-tagged.
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children))  # fmt: skip
    if not finite or verb.i == 0:
        return None
    for child in verb.children:
        if child.dep_ == "compound" and child.i < verb.i and child.pos_ in ("PROPN", "PRON"):
            return child
    # "Sanders, who has no endorsements, said ...": the parser made the relative clause's verb a
    # clause reported by "said", with the speaker as its subject.
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i and verb.doc[verb.i - 1].text == ",":
            for subj in (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "which")):
                if any(t.lower_ == "who" for t in verb.doc[subj.i + 1 : subj.i + 5]):
                    return subj
    before = verb.doc[verb.i - 1]
    if before.ent_type_ == "PERSON" and before.head.i != verb.i and before.dep_ in ("appos", "conj", "pobj", "compound"):
        return before
    return None


def _span_of(token: Token) -> tuple[int, int]:
    """The noun phrase of ``token``: its subtree without relative clauses and what follows them."""
    cut = min((c.left_edge.i for c in token.children if c.dep_ in ("relcl", "acl") and c.i > token.i), default=None)
    tokens = [t for t in token.subtree if cut is None or t.i < cut]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,\"'“”‘’:—–-":
        start += 1
    while end > start and text[end - 1] in " \t\n,\"'“”‘’:":
        end -= 1
    return start, end


@dataclass(slots=True)
class _Run:
    """Quotation pieces one speaker says in a row: a quote split by its speech tag ("“A,” she said,
    “B.”") or continued in the next sentences and paragraphs without a new cue."""

    start: int
    end: int
    cue: Token | None
    speaker: tuple[int, int] | None
    first_sent: int  # token index where the run's first sentence starts
    last_sent: int  # token index where its last sentence ends
    bare: bool = False  # only quotation so far, no cue: the speech tag may still follow
    pieces: list[tuple[int, int]] = field(default_factory=list)


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every attribution in ``doc``: direct quotes first found, then reported speech."""
    text = doc.text
    out: list[Quote] = []
    quoted = quotation_spans(text)
    runs, governed = _direct_runs(doc, quoted)
    out.extend(governed)
    # A cue that took a quotation beside it may still report a clause of its own ("proposed we “wake
    # up” and said Ryan should resign").
    used_cues = {r.cue.i for r in runs if r.cue is not None}
    for r in runs:
        cue = r.cue
        span_sent = doc[r.first_sent : r.last_sent]
        out.append(Quote(r.start, r.end, cue.idx if cue is not None else None,
                         cue.idx + len(cue.text) if cue is not None else None, cue.lemma_.lower() if cue is not None else "",
                         r.speaker[0] if r.speaker else None, r.speaker[1] if r.speaker else None, True,
                         span_sent.start_char, span_sent.end_char, tuple(r.pieces) if len(r.pieces) > 1 else ()))  # fmt: skip
    inside = [(r.start, r.end) for r in runs]
    for q in governed:
        cue_span = doc.char_span(q.cue_start or 0, q.cue_end or 0, alignment_mode="expand")
        if cue_span is not None and len(cue_span):
            used_cues.add(cue_span[0].i)
    turns = _colon_lines(doc, inside)
    out.extend(turns)
    # What a speaker says inside a quotation or a transcript turn ("I think ...") is part of that
    # statement, not a statement of its own.
    spoken = sorted(quoted + [(q.start, q.end) for q in turns])
    for token in doc:
        if token.i in used_cues or not _cue_token(token):
            continue
        if any(s <= token.idx < e for s, e in spoken):
            continue
        content = _reported_content(token)
        if content is None:
            continue
        c_start, c_end = _strip(text, *content)
        # Skip only content that lies within a direct quote (handled above); a reported clause may
        # itself contain a partial quote ("says the tweets were “unhinged”").
        if c_end - c_start < MIN_REPORTED_CHARS or any(s <= c_start and c_end <= e for s, e in inside):
            continue
        subject = _subject(token)
        speaker = _span_of(subject) if subject is not None else None
        if speaker is None and token.tag_ != "VBN":
            continue
        sent = token.sent
        # Reported even with a partial quote inside ("said the plan was “a disaster”"): the words
        # around the quote are the reporter's.
        out.append(Quote(c_start, c_end, token.idx, token.idx + len(token.text), token.lemma_.lower(),
                         speaker[0] if speaker else None, speaker[1] if speaker else None, False,
                         sent.start_char, sent.end_char))  # fmt: skip
    out.extend(_according_to(doc, inside))
    out.extend(_nominal(doc, spoken, inside))
    out.extend(_hedged(doc, spoken))
    return sorted(_outermost(out), key=lambda q: (q.start, q.end))


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Without the attributions reported inside another's content ("Trump said Clinton wants to
    abolish ..."): the inner stance is the outer speaker's claim, not a statement of its own."""

    def within(cue: int | None, q: Quote) -> bool:
        return cue is not None and q.start <= cue < q.end

    return [q for q in quotes if q.direct or not any(
        o is not q and within(q.cue_start, o) and not within(o.cue_start, q) for o in quotes)]  # fmt: skip


def _direct_runs(doc: Doc, quoted: list[tuple[int, int]]) -> tuple[list[_Run], list[Quote]]:
    """Direct quotations grouped into runs, each with the cue and speaker that introduce it.

    A quotation inside the clause its cue reports ("said the plan was “a disaster”") is a partial
    quote: it belongs to that reported statement, not to a run of its own.
    """
    text = doc.text
    runs: list[_Run] = []
    governed: list[Quote] = []
    last_speaker: tuple[int, int] | None = None
    last_end = -1
    for q_start, q_end in quoted:
        sent = doc.char_span(q_start, q_end, alignment_mode="expand")
        if sent is None:
            continue
        sentences = {s.start: s for t in sent for s in [t.sent]}
        scope_start, scope_end = _within_paragraph(doc, text, q_start, q_end, min(s.start for s in sentences.values()),
                                                   max(s.end for s in sentences.values()))  # fmt: skip
        scope_end = _tag_after(doc, text, q_end, scope_end)
        short = q_end - q_start < MIN_QUOTE_CHARS or len(text[q_start:q_end].split()) < MIN_QUOTE_WORDS
        best = _direct_cue(doc, q_start, q_end, scope_start, scope_end) if not short or _cue_adjacent(doc, q_start, q_end) else None
        if best is not None and short and _reports_elsewhere(best, q_start, q_end):
            # A title or scare quote beside a cue that reports something else ("on “Hannity,”
            # Gingrich said if ..."): the cue belongs to its own reported clause.
            best = None
        if best is None:
            # No speech verb: a verb of any kind whose complement holds the quotation ("heralded
            # the deal as a “breakthrough”") attributes the words to its subject.
            quote = _governed(doc, q_start, q_end, scope_start, scope_end)
            if quote is not None:
                if not any(q.cue_start == quote.cue_start for q in governed):
                    governed.append(quote)
                continue
            if short:
                continue
        elif _is_partial(doc, best, q_start, q_end):
            continue
        prev = runs[-1] if runs else None
        # One speaker's quote goes on, split by its own speech tag or running into the next
        # sentences and paragraphs, until a new cue or a sentence of narrative comes between.
        contiguous = prev is not None and all(t.is_space or t.is_punct for t in doc[prev.last_sent : scope_start])
        if prev is not None and contiguous and ((best is not None and prev.cue is not None and best.i == prev.cue.i) or (best is None and _quote_only(doc, q_start, q_end, scope_start, scope_end))
                                                or (prev.bare and best is not None)):
            prev.end, prev.last_sent = max(prev.end, q_end), max(prev.last_sent, scope_end)
            prev.pieces.append((q_start, q_end))
            prev.bare = prev.bare and best is None
            if prev.cue is None and best is not None:
                prev.cue = best
                prev.speaker = _speaker_of(best, prev.start, q_end) or prev.speaker
            if prev.speaker is not None:
                last_speaker, last_end = prev.speaker, q_end
            continue
        speaker: tuple[int, int] | None = None
        if best is not None:
            speaker = _speaker_of(best, q_start, q_end)
        elif last_speaker is not None and q_start - last_end < 400:
            speaker = last_speaker  # a quote continuing the previous speaker's (next paragraph)
        if speaker is not None:
            last_speaker, last_end = speaker, q_end
        bare = best is None and _quote_only(doc, q_start, q_end, scope_start, scope_end)
        runs.append(_Run(q_start, q_end, best, speaker, scope_start, scope_end, bare, [(q_start, q_end)]))
    return runs, governed


def _governed(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> Quote | None:
    """The attribution made by the nearest verb with a subject whose object, clause or "as"
    predicate holds the quotation: the whole complement, as a reported statement."""
    inner = doc.char_span(q_start, q_end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    node, steps = inner.root, 0
    while node.head is not node and steps < 6:
        child, node, steps = node, node.head, steps + 1
        if not scope_start <= node.i < scope_end or q_start <= node.idx < q_end:
            return None
        if node.pos_ != "VERB":
            continue
        if node.lemma_.lower() in cues().not_cues:
            return None
        if child.dep_ not in GOVERNED_DEPS or (child.dep_ == "prep" and child.lower_ != "as"):
            return None
        subject = _subject(node)
        if subject is None or q_start <= subject.idx < q_end:
            return None
        # "heralded the deal as a “breakthrough”": the object and its "as" predicate go together.
        parts = [child] + [c for c in node.children if c.i != child.i and (
            (c.dep_ == "prep" and c.lower_ == "as" and c.i > child.i) or (child.dep_ == "prep" and c.dep_ == "dobj"))]  # fmt: skip
        tokens = [t for part in parts for t in part.subtree]
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        c_start, c_end = _strip(doc.text, first.idx, last.idx + len(last.text))
        speaker = _span_of(subject)
        sent = node.sent
        return Quote(min(c_start, q_start), max(c_end, q_end), node.idx, node.idx + len(node.text), node.lemma_.lower(),
                     speaker[0], speaker[1], False, sent.start_char, sent.end_char)  # fmt: skip
    return None


def _within_paragraph(doc: Doc, text: str, q_start: int, q_end: int, start: int, end: int) -> tuple[int, int]:
    """Token bounds [start, end) narrowed to the quotation's paragraph: a sentence the parser runs
    over a line break holds no cue of this quote."""
    p_start, p_end = text.rfind("\n", 0, q_start) + 1, text.find("\n", q_end)
    p_end = len(text) if p_end < 0 else p_end
    while start < end - 1 and doc[start].idx < p_start:
        start += 1
    while end > start + 1 and doc[end - 1].idx >= p_end:
        end -= 1
    return start, end


def _tag_after(doc: Doc, text: str, q_end: int, scope_end: int) -> int:
    """``scope_end`` widened over the next sentence when it is the quote's speech tag that the parser
    split off after a question or exclamation ("“Too forced?” he tweeted.")."""
    if scope_end >= len(doc) or text[max(0, q_end - 8) : q_end].rstrip()[-1:] not in ("?", "!"):
        return scope_end
    nxt = doc[scope_end]
    between = text[q_end : nxt.idx]
    if "\n" in between or any(ch.isalnum() for ch in between) or nxt.sent.start != scope_end:
        return scope_end
    words = [t for t in nxt.sent if not t.is_punct and not t.is_space][:MAX_TAG_WORDS]
    for t in words:
        if t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children):
            return _within_paragraph(doc, text, q_end, q_end, scope_end, nxt.sent.end)[1]
    return scope_end


def _token_before(doc: Doc, char: int) -> Token | None:
    """The last word token ending before character ``char``."""
    span = doc.char_span(max(0, char - 40), char, alignment_mode="contract") if char > 0 else None
    if span is None:
        return None
    return next((t for t in reversed(span) if not t.is_punct and not t.is_space), None)


def _direct_cue(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> Token | None:
    """The cue outside the quote in its sentences, nearest the quote; else a colon introduction
    ending the sentence before ("The ministry said: …")."""
    best: Token | None = None
    best_key = (True, 0)
    # "…,” Trump said before adding: “…”": a cue that the colon joins to the quote introduces it.
    before = _token_before(doc, q_start)
    if (before is not None and before.i >= scope_start and _cue_token(before)
            and "".join(doc.text[before.idx + len(before.text) : q_start].split()) in (':"', ":“")):  # fmt: skip
        return before
    for token in doc[scope_start:scope_end]:
        if q_start <= token.idx < q_end or not _cue_token(token):
            continue
        # The cue whose clause holds the quote ("saying his comment “has no place”") before the
        # cue merely nearest it ("... and said leaders will pay").
        content = _reported_content(token)
        key = (not (content is not None and content[0] <= q_start and q_end <= content[1] + 1), _gap(token, q_start, q_end))
        if best is None or key < best_key:
            best, best_key = token, key
    if best is None:
        best = _speech_tag(doc, q_start, q_end, scope_start, scope_end)
    if best is None and scope_start > 0:
        prev = doc[scope_start - 1].sent
        cands = [t for t in prev if _cue_token(t)]
        if cands and prev.text.rstrip().endswith(":"):
            best = cands[-1]
    return best


def _speech_tag(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> Token | None:
    """A verb of any kind in a short tag beside the quote ("“…,” Trump shot back"; "he quipped"):
    next to a quotation, a subject and a verb and little else say who speaks."""
    words = [t for t in doc[scope_start:scope_end] if not (q_start <= t.idx < q_end) and not t.is_punct and not t.is_space]
    if not words or len(words) > MAX_TAG_WORDS:
        return None
    for t in words:
        if t.pos_ == "VERB" and (any(c.dep_ == "nsubj" for c in t.children) or _misparsed_subject(t) is not None):
            return t
    return None


def _quote_only(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> bool:
    """Whether the quotation's sentences hold nothing but the quotation (a quote running on)."""
    return all(q_start <= t.idx < q_end or t.is_punct or t.is_space for t in doc[scope_start:scope_end])


def _speaker_of(cue: Token, q_start: int, q_end: int) -> tuple[int, int] | None:
    subject = _subject(cue)
    if subject is not None and not (q_start <= subject.idx < q_end):
        start, end = _span_of(subject)
        if start < q_end <= subject.idx:
            # A speaker after the quote whose phrase the parser grew over the quotation.
            start = _strip(cue.doc.text, q_end, end)[0]
        return start, end
    if cue.idx >= q_end:
        # "“…,” Brent Bozell III, founder of the Center, tells ...": the parser hung the name in the
        # quote's clause; between the quote and its cue it can only be the speaker.
        first = cue.i
        while first > 0 and cue.doc[first - 1].idx >= q_end:
            first -= 1
        between = [t for t in cue.doc[first : cue.i] if not t.is_punct and not t.is_space]
        if len(between) <= MAX_TAG_WORDS * 2 and any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in between):
            comma = next((t for t in cue.doc[between[0].i : cue.i] if t.text == ","), cue)
            return _strip(cue.doc.text, between[0].idx, comma.idx)
    return None


def _reports_elsewhere(cue: Token, q_start: int, q_end: int) -> bool:
    """Whether ``cue`` has a complement of its own that does not hold the quotation."""
    content = _reported_content(cue)
    return content is not None and not (content[0] <= q_start and q_end <= content[1] + 1)


def _is_partial(doc: Doc, cue: Token, q_start: int, q_end: int) -> bool:
    """Whether the quotation is only part of the clause ``cue`` reports: words of the reporter's
    own stand beside it in that clause ("said the plan was “a disaster”")."""
    content = _reported_content(cue)
    if content is None or not (content[0] <= q_start and q_end <= content[1] + 1):
        return False
    # Words between the quotation and a cue after it are its speech tag, which the parser may have
    # hung in the quote's clause ("“…,” Bill Eastland, wearing a hat, said").
    tag = cue.idx >= q_end and sum(1 for t in doc[max(0, cue.i - 4 * MAX_TAG_WORDS) : cue.i] if t.idx >= q_end and not t.is_punct
                                   and not t.is_space) <= MAX_TAG_WORDS * 2  # fmt: skip
    outside = [t for t in doc.char_span(content[0], content[1], alignment_mode="expand") or []
               if t.is_alpha and not q_start <= t.idx < q_end and t.lower_ != "that"
               and not (tag and q_end <= t.idx < cue.idx)]  # fmt: skip
    return len(outside) >= 2


_COLON_LINE = re.compile(r"^(?P<source>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+(?P<content>\S.{8,})$", re.M)


def _colon_lines(doc: Doc, taken: list[tuple[int, int]]) -> list[Quote]:
    """Headline attributions and transcript turns: "Pence: Trump Was 'Mocking' Clinton Camp" (a
    named source, a colon), "TAPPER: Do you think ..." (a speaker's name in capitals)."""
    out: list[Quote] = []
    for m in _COLON_LINE.finditer(doc.text):
        source = doc.char_span(m.start("source"), m.end("source"), alignment_mode="expand")
        if source is None or source.text.lower() in cues().not_sources:
            continue
        label = source.text.isupper() and sum(ch.isalpha() for ch in source.text) >= 3
        if not label and not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in source):
            continue
        c_start, c_end = m.start("content"), m.end("content")
        if any(s < c_end and c_start < e for s, e in taken):
            continue
        colon = m.end("source")
        out.append(Quote(c_start, c_end, colon, colon + 1, ":", m.start("source"), m.end("source"), False,
                         m.start(), m.end()))  # fmt: skip
    return out


def _gap(token: Token, q_start: int, q_end: int) -> int:
    """Characters between a cue and the quote it may introduce ("said: “…") or close ("…,” she said)."""
    if token.idx >= q_end:
        return token.idx - q_end
    return max(0, q_start - (token.idx + len(token.text)))


def _reported_content(verb: Token) -> tuple[int, int] | None:
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    if clauses:
        # A clause after the cue is what it reports; one before it only when none follows ("Russia
        # will help, Lavrov said"), since a clause both sides is mostly the parser joining two.
        clause = next((c for c in clauses if c.i > verb.i), clauses[-1])
        # All that stands before a tag ("A, and B, Hoover said") is the statement.
        return _clause_span(clause, cut_conj=clause.i > verb.i)
    inverted = _inverted_subject(verb)
    if inverted is not None:
        # "The promise ... appeals to whites, said Abramowitz": the parser's other subject heads the
        # statement.
        head = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i)
        return _clause_span(head, cut_conj=False)
    complement = _complement(verb)
    if complement is not None:
        return complement
    # "Russia will help, Lavrov said" / "But, he said, officials should be vigilant": the cue is a
    # parenthetical; the content is the clause around it.
    # "As Crane said, the two have become ...": the same with "as".
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if (verb.dep_ in ("parataxis", "ccomp") or as_clause) and verb.head is not verb:
        own = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in own and not t.is_punct]
        if tokens:
            return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None


def _clause_span(head: Token, cut_conj: bool = True) -> tuple[int, int]:
    """The clause of ``head`` without a further clause joined to it with its own subject ("said the
    extremist is Clinton, and he railed against ..."): that one is the reporter's again."""
    cut = min((c.left_edge.i for c in head.children if c.i > head.i and (
        (cut_conj and c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)) or _trailing_cue(c))),
        default=None)  # fmt: skip
    # A dash after the clause opens the reporter's aside ("said he was encouraged — a modest boost").
    dash = next((t.i for t in head.subtree if t.i > head.i and t.text in DASHES), None)
    cut = dash if cut is None or (dash is not None and dash < cut) else cut
    tokens = [t for t in head.subtree if cut is None or t.i < cut]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "cc" or tokens[-1].is_space):
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trailing_cue(verb: Token) -> bool:
    """A participle of speech after a comma closing a reported clause ("said that is a
    “distortion,” describing the team as ..."): the parser hangs it inside the clause, but it is
    the speaker's next statement."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0 or not _cue_token(verb):
        return False
    return any(t.text == "," for t in verb.doc[max(0, verb.left_edge.i - 2) : verb.left_edge.i])


def _complement(verb: Token) -> tuple[int, int] | None:
    """What a verb of stance attributes, by the lexicon's groups: its object ("backed Cruz", "called
    them deplorables"), its to-infinitive with any object ("urged voters to turn out"), or the object
    of its preposition ("talked about the economy"); a listed preposition after the object extends
    it ("criticized Sanders for ...")."""
    c = cues()
    lemma = verb.lemma_.lower()
    parts: list[Token] = []
    if lemma in c.object_content or lemma in c.infinitive:
        parts = [ch for ch in verb.children if ch.dep_ in ("dobj", "oprd", "dative", "attr")]
        parts = parts if lemma in c.object_content else [p for p in parts if any(x.dep_ == "xcomp" for x in verb.children)]
    if lemma in c.infinitive:
        infinitives = [ch for ch in verb.children if ch.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children)]
        parts += infinitives
    elif lemma in c.object_content:
        parts += [ch for ch in verb.children if ch.dep_ in ("xcomp",)]
    preps = c.prepositions.get(lemma)
    if preps:
        after_object = bool(parts)
        parts += [ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ in preps and any(g.dep_ in ("pobj", "pcomp") for g in ch.children)
                  and (after_object or not parts)]  # fmt: skip
    if not parts:
        return None
    # "referred to Rubio as “a bright leader”", "described the deal as a breakthrough": the
    # predicate after "as" is the heart of what is attributed.
    parts += [ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "as" and ch.i > verb.i and ch not in parts]
    tokens = [t for part in parts for t in (part.subtree if part.dep_ != "prep" else (t for g in part.children for t in g.subtree))]
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _cue_adjacent(doc: Doc, q_start: int, q_end: int) -> bool:
    """A speech verb right next to a quotation ("“I love you,” he said"; "said: “Yes”")."""
    after = doc.char_span(q_end, min(len(doc.text), q_end + 40), alignment_mode="expand")
    before = doc.char_span(max(0, q_start - 30), q_start, alignment_mode="expand")
    near = [t for span in (after, before) if span is not None for t in span]
    return any(_cue_token(t) and _gap(t, q_start, q_end) <= 25 for t in near)


def _according_to(doc: Doc, inside: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    for sent in doc.sents:
        m = re.search(r"\b[Aa]ccording to\s+", sent.text)
        if not m:
            continue
        phrase_start = sent.start_char + m.start()
        source = doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        if source is None or not len(source):
            continue
        head = source[0]
        while head.dep_ not in ("pobj",) and head.head is not head and head.head.i >= source.start and head.i < source.end:
            head = head.head
        s_start, s_end = _span_of(head) if head.dep_ == "pobj" else (source.start_char, source[0].idx + len(source[0].text))
        # The content is the rest of the sentence, on whichever side of the phrase it stands.
        if phrase_start - sent.start_char < 3:
            c_start, c_end = s_end, sent.end_char
        else:
            c_start, c_end = sent.start_char, phrase_start
        c_start, c_end = _strip(doc.text, c_start, c_end)
        if c_end - c_start < MIN_QUOTE_CHARS or any(s <= c_start < e for s, e in inside):
            continue
        out.append(Quote(c_start, c_end, phrase_start, phrase_start + len("according to"), "according to",
                         s_start, s_end, False, sent.start_char, sent.end_char))  # fmt: skip
    return out


def _nominal(doc: Doc, spoken: list[tuple[int, int]], inside: list[tuple[int, int]]) -> list[Quote]:
    """Attributions made by a noun or an adjective of speech or stance ("Trump's promise to build a
    wall", "a supporter of Clinton", "Cruz is skeptical that ..."): the lexicon says which
    complements carry what is attributed; the speaker is the noun's possessor or agent, the person
    an agent noun describes, or the adjective's subject. Without one, only a noun's "that" clause is
    attributed (to nobody named)."""
    c = cues()
    out: list[Quote] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in c.viewpoint_nouns and token.dep_ == "pobj" and token.head.lower_ == "in":
            complements, holder = frozenset[str](), _possessor(token)
        elif token.pos_ == "NOUN" and lemma in c.nouns:
            complements, holder = c.nouns[lemma], _possessor(token)
        elif token.pos_ == "NOUN" and lemma in c.agent_nouns:
            complements, holder = c.agent_nouns[lemma], _described(token)
        elif token.pos_ == "ADJ" and lemma in c.adjectives:
            complements, holder = c.adjectives[lemma], _described(token)
        else:
            continue
        # A noun of speech with a "that" clause attributes it even without a holder ("the claim
        # that the vote was rigged"): someone made the claim, unnamed.
        unnamed = holder is None and lemma in c.nouns
        if (holder is None and not unnamed) or (holder is not None and holder.lower_ == "it") or any(s <= token.idx < e for s, e in spoken):
            continue
        content = _framed_clause(token.head) if not complements else _nominal_content(token, complements, clause_only=unnamed)
        if content is None:
            continue
        c_start, c_end = _strip(doc.text, *content)
        if c_end - c_start < MIN_REPORTED_CHARS or any(s <= c_start and c_end <= e for s, e in inside):
            continue
        speaker = _span_of(holder) if holder is not None else None
        if holder is not None and speaker is not None and holder.i < token.i <= holder.right_edge.i:
            # "Jan Brewer, an early supporter of Trump": the person, without the description.
            speaker = _strip(doc.text, speaker[0], min(speaker[1], token.left_edge.idx))
        sent = token.sent
        out.append(Quote(c_start, c_end, token.idx, token.idx + len(token.text), lemma, speaker[0] if speaker else None,
                         speaker[1] if speaker else None, False, sent.start_char, sent.end_char))  # fmt: skip
    return out


def _possessor(noun: Token) -> Token | None:
    """Who holds a nominal stance: "Trump's promise", "his call", "a demand by Pelosi"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    # "the DOJ demand that ...": a named organisation or person before the noun.
    for child in noun.children:
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
            return child
    return None


def _framed_clause(prep: Token) -> tuple[int, int] | None:
    """The clause an "in X's view" phrase frames: all of it but the phrase."""
    if prep.head is prep or prep.dep_ != "prep":
        return None
    own = {t.i for t in prep.subtree}
    tokens = [t for t in prep.head.subtree if t.i not in own and not t.is_punct and not t.is_space]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _described(word: Token) -> Token | None:
    """Whom a predicate noun or adjective describes: the subject of its copula ("Cruz is
    skeptical", "Clinton is a critic"), the noun it stands in apposition to ("Gillibrand, a
    supporter of Clinton") or follows ("voters reluctant to give up")."""
    head = word.head
    if word.dep_ in ("acomp", "attr") and head.lemma_ in ("be", "become", "remain", "seem", "appear", "sound", "grow"):
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    # "the governor made (it) clear that ...": the adjective predicates the speaker's stance.
    if word.pos_ == "ADJ" and head.lemma_ == "make" and word.dep_ in ("ccomp", "oprd", "acomp", "xcomp"):
        return _subject(head)
    if word.dep_ == "appos" and head.pos_ in ("PROPN", "NOUN", "PRON"):
        return head
    if word.pos_ == "ADJ" and word.dep_ == "amod" and head.i < word.i and head.pos_ in ("PROPN", "NOUN"):
        return head
    return None


def _nominal_content(word: Token, complements: frozenset[str], clause_only: bool = False) -> tuple[int, int] | None:
    """The complement of a noun or adjective the lexicon lists: a "that" clause, a to-infinitive,
    or the object of a preposition. An adjective's clause may hang from its copula instead."""
    children = list(word.children)
    if word.dep_ == "acomp" or word.head.lemma_ == "make":
        children += [c for c in word.head.children if c.i > word.i and c.dep_ in ("ccomp", "xcomp")]
    for child in children:
        if child.i < word.i:
            continue
        if child.dep_ in ("acl", "ccomp", "xcomp", "advcl"):
            to = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
            that = any(a.dep_ == "mark" and a.lower_ == "that" for a in child.children)
            # An adjective's clause often comes without "that" ("confident he will win").
            bare = word.pos_ == "ADJ" and child.dep_ == "ccomp" and not any(a.dep_ == "mark" for a in child.children)
            if ("to" in complements and to and not clause_only) or ("that" in complements and (that or bare)):
                return _clause_span(child)
        elif child.dep_ == "prep" and child.lower_ in complements and not clause_only:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                tokens = [t for g in objects for t in g.subtree]
                first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
                return first.idx, last.idx + len(last.text)
    return None


def _hedged(doc: Doc, spoken: list[tuple[int, int]]) -> list[Quote]:
    """The writer's hedged judgements ("Sanders seemed to be of two minds", "it appears the deal is
    off"): what seems is the subject with the verb's complement; there is no speaker to name."""
    out: list[Quote] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in cues().hedges or any(s <= verb.idx < e for s, e in spoken):
            continue
        complement = [c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") and c.i > verb.i]
        complement += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
            m.lower_ in ("if", "like", "though") for m in c.children if m.dep_ in ("mark", "advmod"))]  # fmt: skip
        if not complement:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # A relative clause ("a fight that seemed endless") describes rather than judges; with no
        # subject of its own the verb's content would lack what it is said of.
        if subject is None or verb.dep_ == "relcl" or subject.tag_ in ("WDT", "WP"):
            continue
        # "It seems (that) the campaign will go on": an expletive subject is no part of the content.
        start = verb.idx + len(verb.text) if subject.lower_ == "it" else subject.left_edge.idx
        end_token = max((t for c in complement for t in c.subtree), key=lambda t: t.i)
        c_start, c_end = _strip(doc.text, start, end_token.idx + len(end_token.text))
        if c_end - c_start < MIN_REPORTED_CHARS:
            continue
        sent = verb.sent
        out.append(Quote(c_start, c_end, verb.idx, verb.idx + len(verb.text), verb.lemma_.lower(), None, None, False,
                         sent.start_char, sent.end_char))  # fmt: skip
    return out
