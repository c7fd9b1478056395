"""Date-wise timeline summarisation (after DATEWISE, Gholipour Ghalandari & Ifrim 2020, unsupervised).

Dates are ranked by the number of articles published on *another* day that refer to them at day
precision (a date or a time of day): a day the later news keeps coming back to is a day the story
turned on, while an article's references to its own publication day are mostly the routine "on
Tuesday" of any report. For each chosen date the candidate sentences are those that name the date,
plus the lead sentences of articles published that day or the next (reports of "yesterday" often
carry no explicit date); the K sentences closest to the date's TF-IDF centroid are kept, skipping
near-duplicates of sentences already chosen anywhere in the timeline. The centroid is the
candidates' plus, at a lower weight, all the sentences of that day's and the next day's articles,
so that the choice leans to what the day's news was about rather than to the background a single
later mention gives. Reader comments below an article are cut before anything is counted.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.annotate.time import Timex, find_timexes
from dateline.annotate.time.tense import ENTRY_AFTER, ENTRY_LEAD_CHARS
from dateline.core.sentences import sentence_spans

log = logging.getLogger(__name__)

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# "At 21:31 21st Jun 2010, NAME wrote:" opens a page's reader comments.
COMMENT_HEADER = re.compile(r"^[ \t]*At\s+[^,\n]{0,40}\d[^,\n]{0,40},\s*\S{1,40}\s+wrote\s*:", re.M)
MIN_TOKENS, MAX_TOKENS = 6, 60
LEAD_SENTENCES = 3  # lead sentences of a day's articles are candidates for that day
DAY_NEWS_WEIGHT = 0.1  # weight in a date's centroid of each sentence of that day's articles (a candidate: 1)
REDUNDANCY = 0.5  # cosine above which a sentence repeats one already chosen
# A line headed by its date ("May 2 - Obama visits the Gulf Coast.", "21 April: The rig sinks.") is
# an entry of a chronology or a dated caption: an editor's record that the day mattered, so the
# article's reference to that day counts this much instead of 1.
ENTRY_WEIGHT = 2.0
# What makes a heading date an entry is the time tagger's (ENTRY_AFTER, ENTRY_LEAD_CHARS): it joins a
# year kept apart by a spaced comma ("April 20 , 2010 -") and reads a heading date without a year as
# past, so an entry's day is its value.


@dataclass(frozen=True)
class Article:
    id: str
    published: dt.date | None
    text: str


@dataclass
class _Sentence:
    text: str
    article: int
    index: int
    dates: set[dt.date]
    entry: dt.date | None = None  # the date heading the line, when it is a chronology entry


def _split_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their offsets: one a line when the text is one sentence a line (as in
    tokenised corpora), else as running text."""
    spans = sentence_spans(text, one_per_line=text.count("\n") >= 2)
    return [(start, text[start:end].strip()) for start, end in spans if text[start:end].strip()]


def _day(value: str) -> dt.date | None:
    m = DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _tokens(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text.lower()) if t not in STOP_WORDS and not t.isdigit()]


def _news_body(text: str) -> str:
    """The text before the page's reader comments: a timestamped "NAME wrote:" header opens a comment
    thread, and what follows is readers' opinion, often dated to the day they wrote, not news."""
    m = COMMENT_HEADER.search(text)
    return text[: m.start()] if m else text


def _entry_day(body: str, start: int, tx: Timex, day: dt.date) -> dt.date | None:
    """The day a chronology entry is about, when ``tx`` heads the line starting at ``start``."""
    # A time of day heading a line stamps a live blog's post on its own day: no chronology.
    if tx.type != "DATE" or len(body[start : tx.start].strip()) > ENTRY_LEAD_CHARS:
        return None
    return day if ENTRY_AFTER.match(body, tx.end) else None


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for ai, art in enumerate(articles):
        body = _news_body(art.text)
        sents = _split_sentences(body)
        ends = [s + len(t) for s, t in sents]
        dated: list[set[dt.date]] = [set() for _ in sents]
        entries: list[dt.date | None] = [None for _ in sents]
        for tx in find_timexes(body, art.published):
            # A time of day ("Tuesday night", "8.30 pm") names its day as precisely as a date does.
            # A holiday named in the news is mostly a season or a deadline ("by Christmas", "over
            # Easter"), not the day something happened.
            day = _day(tx.value) if tx.type in ("DATE", "TIME") and tx.rule != "holiday" else None
            if day is None:
                continue
            for si, (s, _t) in enumerate(sents):
                if s <= tx.start < ends[si]:
                    entry = None if entries[si] else _entry_day(body, s, tx, day)
                    if entry:
                        entries[si] = day = entry
                    dated[si].add(day)
                    break
        out.extend(_Sentence(t, ai, si, dated[si], entries[si]) for si, (_s, t) in enumerate(sents))
    return out


class _Tfidf:
    def __init__(self, docs: Iterable[list[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for toks in docs:
            df.update(set(toks))
            n += 1
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}

    def vector(self, toks: list[str]) -> dict[str, float]:
        tf = Counter(toks)
        vec = {w: c * self.idf.get(w, 1.0) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


@dataclass(frozen=True)
class Period:
    """The days a timeline is asked about: articles published outside them are left out and no date
    outside them is chosen (either end may be open). Undated articles are kept: nothing places them
    outside."""

    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _window(articles: Sequence[Article], period: Period = Period()) -> tuple[dt.date, dt.date]:
    """The days a timeline may hold: from a month before the first article to the last one, within
    the period asked for."""
    pubs = [a.published for a in articles if a.published]
    lo, hi = (min(pubs) - dt.timedelta(days=31), max(pubs)) if pubs else (dt.date.min, dt.date.max)
    return max(lo, period.start or lo), min(hi, period.end or hi)


def rank_dates(
    articles: Sequence[Article], sentences: Sequence[_Sentence], period: Period = Period()
) -> list[tuple[dt.date, float]]:
    """Candidate dates, best first, with their scores: the number of articles published on another
    day that name the date, an article whose chronology has an entry for it counting ENTRY_WEIGHT."""
    lo, hi = _window(articles, period)
    # Distinct articles, not sentences: one long piece dwelling on a day counts once. An article's
    # own publication day is left out; crediting it (or publication counts) ranked worse on every
    # weight tried (docs/QUALITY.md).
    weight: dict[tuple[int, dt.date], float] = {}
    for s in sentences:
        for d in s.dates:
            w = ENTRY_WEIGHT if d == s.entry else 1.0
            weight[s.article, d] = max(weight.get((s.article, d), 0.0), w)
    score: defaultdict[dt.date, float] = defaultdict(float)
    for (a, d), w in weight.items():
        if lo <= d <= hi and d != articles[a].published:  # later dates are plans and forecasts, not events
            score[d] += w
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))


def fallback_dates(
    articles: Sequence[Article], sentences: Sequence[_Sentence], ranked: Iterable[dt.date], period: Period = Period()
) -> list[dt.date]:
    """Days to fill a timeline with when too few are named from another day (a small or one-day
    collection): days named by their own day's articles or published on, by how many articles do
    either, in the same window as ``rank_dates``. Never reached on a collection with enough dates."""
    lo, hi = _window(articles, period)
    seen = set(ranked)
    voters: defaultdict[dt.date, set[int]] = defaultdict(set)
    for s in sentences:
        for d in s.dates:
            voters[d].add(s.article)
    for i, a in enumerate(articles):
        if a.published:
            voters[a.published].add(i)
    spare = [(d, len(v)) for d, v in voters.items() if d not in seen and lo <= d <= hi]
    return [d for d, _ in sorted(spare, key=lambda kv: (-kv[1], kv[0]))]


def summarize(
    articles: Sequence[Article], n_dates: int, n_sentences: int, *, period: Period = Period()
) -> list[tuple[str, list[str]]]:
    """The timeline: ``n_dates`` dates in order, each with up to ``n_sentences`` sentences, all
    within ``period`` and from the articles published in it."""
    kept = [a for a in articles if period.holds(a.published)]
    articles = sorted(kept, key=lambda a: (a.published or dt.date.min, a.id))
    sentences = _sentences(articles)
    toks = [_tokens(s.text) for s in sentences]
    tfidf = _Tfidf(toks)
    by_date: dict[dt.date, list[int]] = defaultdict(list)
    by_pub: dict[dt.date, list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        for d in s.dates:
            by_date[d].append(i)
        pub = articles[s.article].published
        if pub is None:
            continue
        by_pub[pub].append(i)
        if s.index < LEAD_SENTENCES and not s.dates:
            by_date[pub].append(i)
            by_date[pub - dt.timedelta(days=1)].append(i)
    chosen_vecs: list[dict[str, float]] = []
    timeline: list[tuple[dt.date, list[str]]] = []
    days = [day for day, _score in rank_dates(articles, sentences, period)]
    for day in days + fallback_dates(articles, sentences, days, period):
        if len(timeline) >= n_dates:
            break
        cands = sorted({i for i in by_date.get(day, []) if MIN_TOKENS <= len(sentences[i].text.split()) <= MAX_TOKENS})
        if not cands:
            continue
        vecs = {i: tfidf.vector(toks[i]) for i in cands}
        centroid: dict[str, float] = defaultdict(float)
        for v in vecs.values():
            for w, x in v.items():
                centroid[w] += x
        for j in by_pub.get(day, []) + by_pub.get(day + dt.timedelta(days=1), []):
            for w, x in tfidf.vector(toks[j]).items():
                centroid[w] += DAY_NEWS_WEIGHT * x
        ranked = sorted(cands, key=lambda i: (-_cos(vecs[i], centroid), i))
        picked: list[str] = []
        for i in ranked:
            if len(picked) >= n_sentences:
                break
            if any(_cos(vecs[i], c) > REDUNDANCY for c in chosen_vecs):
                continue
            picked.append(sentences[i].text)
            chosen_vecs.append(vecs[i])
        if picked:
            timeline.append((day, picked))
    log.info("summarised %d articles, %d sentences into %d dates", len(articles), len(sentences), len(timeline))
    return [(d.isoformat(), s) for d, s in sorted(timeline)]
