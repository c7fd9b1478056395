"""Date-wise timeline summarisation (after DATEWISE, Gholipour Ghalandari & Ifrim 2020, unsupervised).

Dates are ranked by how often the collection's sentences refer to them at day precision, with a
smaller credit for articles published on them: journalists' timelines keep the days the news keeps
coming back to. For each chosen date the candidate sentences are those that name the date, plus
the lead sentences of articles published that day or the next (reports of "yesterday" often carry
no explicit date); the K sentences closest to the TF-IDF centroid of that candidate set are kept,
skipping near-duplicates of sentences already chosen anywhere in the timeline.
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

from dateline.annotate.timex import find_timexes

log = logging.getLogger(__name__)

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
MIN_TOKENS, MAX_TOKENS = 6, 60
OTHER_ONLY = True
SAME_DAY_WEIGHT = 0.0
PUB_NEXT_WEIGHT = 0.0
END_PUNCT = False
INCLUDE_TIME = True
CENTROID_PUB = 0.3
KEEP_REDUNDANT = False
QUOTE_FACTOR = 1.0
POS_DECAY = 0.0
PUB_WEIGHT = 0.0  # an article published on a day is weaker evidence of that day than a sentence naming it
LEAD_SENTENCES = 3  # lead sentences of a day's articles are candidates for that day
REDUNDANCY = 0.5  # cosine above which a sentence repeats one already chosen


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


def _split_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their offsets: one a line when the text is one sentence a line (as in
    tokenised corpora), else split after sentence-final punctuation."""
    out: list[tuple[int, str]] = []
    pieces = text.split("\n") if text.count("\n") >= 2 else re.split(r"(?<=[.!?])\s+(?=[A-Z\"'`])", text)
    pos = 0
    for piece in pieces:
        start = text.find(piece, pos)
        pos = start + len(piece)
        if piece.strip():
            out.append((start, piece.strip()))
    return out


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


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for ai, art in enumerate(articles):
        sents = _split_sentences(art.text)
        ends = [s + len(t) for s, t in sents]
        dated: list[set[dt.date]] = [set() for _ in sents]
        for tx in find_timexes(art.text, art.published):
            day = _day(tx.value) if tx.type == "DATE" else (_day(tx.value[:10]) if INCLUDE_TIME and tx.type == "TIME" else None)
            if day is None:
                continue
            for si, (s, _t) in enumerate(sents):
                if s <= tx.start < ends[si]:
                    dated[si].add(day)
                    break
        out.extend(_Sentence(t, ai, si, dated[si]) for si, (_s, t) in enumerate(sents))
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


def rank_dates(articles: Sequence[Article], sentences: Sequence[_Sentence]) -> list[tuple[dt.date, float]]:
    """Candidate dates, best first, with their scores."""
    pubs = [a.published for a in articles if a.published]
    lo = min(pubs) - dt.timedelta(days=31) if pubs else dt.date.min
    hi = max(pubs) if pubs else dt.date.max
    score: dict[dt.date, float] = defaultdict(float)
    # Distinct articles, not sentences: one long piece dwelling on a day counts once.
    seen = {(s.article, d) for s in sentences for d in s.dates}
    for a, d in sorted(seen):
        if not lo <= d <= hi:  # later dates are plans and forecasts, not events
            continue
        if OTHER_ONLY and articles[a].published == d:
            score[d] += SAME_DAY_WEIGHT
        else:
            score[d] += 1.0
    for p in pubs:
        score[p] += PUB_WEIGHT
        score[p - dt.timedelta(days=1)] += PUB_NEXT_WEIGHT
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))


def summarize(articles: Sequence[Article], n_dates: int, n_sentences: int) -> list[tuple[str, list[str]]]:
    """The timeline: ``n_dates`` dates in order, each with up to ``n_sentences`` sentences."""
    articles = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))
    sentences = _sentences(articles)
    toks = [_tokens(s.text) for s in sentences]
    tfidf = _Tfidf(toks)
    by_date: dict[dt.date, list[int]] = defaultdict(list)
    by_pub: dict[dt.date, list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        if articles[s.article].published:
            by_pub[articles[s.article].published].append(i)
        for d in s.dates:
            by_date[d].append(i)
        pub = articles[s.article].published
        if pub and s.index < LEAD_SENTENCES and not s.dates:
            by_date[pub].append(i)
            by_date[pub - dt.timedelta(days=1)].append(i)
    chosen_vecs: list[dict[str, float]] = []
    timeline: list[tuple[dt.date, list[str]]] = []
    for day, _score in rank_dates(articles, sentences):
        if len(timeline) >= n_dates:
            break
        cands = sorted({i for i in by_date.get(day, []) if MIN_TOKENS <= len(sentences[i].text.split()) <= MAX_TOKENS
                        and (not END_PUNCT or re.search(r"[.!?]\s*(''|\")?\s*$", sentences[i].text))})
        if not cands:
            continue
        vecs = {i: tfidf.vector(toks[i]) for i in cands}
        centroid: Counter[str] = Counter()
        for v in vecs.values():
            centroid.update(v)
        if CENTROID_PUB > 0:
            for j in by_pub.get(day, []) + by_pub.get(day + dt.timedelta(days=1), []):
                for w, x in tfidf.vector(toks[j]).items():
                    centroid[w] += CENTROID_PUB * x
        cdict = dict(centroid)

        def _score(i: int) -> float:
            sc = _cos(vecs[i], cdict)
            t = sentences[i].text
            if "``" in t or '"' in t:
                sc *= QUOTE_FACTOR
            sc *= 1.0 / (1.0 + POS_DECAY * sentences[i].index)
            return sc

        ranked = sorted(cands, key=lambda i: (-_score(i), i))
        picked: list[str] = []
        for i in ranked:
            if len(picked) >= n_sentences:
                break
            if any(_cos(vecs[i], c) > REDUNDANCY for c in chosen_vecs):
                continue
            picked.append(sentences[i].text)
            chosen_vecs.append(vecs[i])
        if not picked and KEEP_REDUNDANT and ranked:
            picked.append(sentences[ranked[0]].text)
            chosen_vecs.append(vecs[ranked[0]])
        if picked:
            timeline.append((day, picked))
    log.info("summarised %d articles, %d sentences into %d dates", len(articles), len(sentences), len(timeline))
    return [(d.isoformat(), s) for d, s in sorted(timeline)]
