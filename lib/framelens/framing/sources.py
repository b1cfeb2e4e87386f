"""Who is cited (attributions) and how sure the text sounds (hedges and boosters)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import pandas as pd

from .. import corpus
from ..errors import ParameterError
from ..groups import MISSING, group_labels
from ..params import check_columns, check_same_documents, doc_ids, in_order, text_values
from .dictionary import Dictionary, load_dictionary
from .match import _empty, term_hits
from .profile import _group_keys, _sentence_words

ATTRIBUTION_COLUMNS = [
    "doc_id", "sent_id", "source", "source_type", "cue", "descriptor", "sent_ids", "start",
    "end", "text",
]  # fmt: skip


HEDGING_COLUMNS = [
    "doc_id", "sent_id", "kind", "n_words", "n_hedges", "n_certainty", "hedges", "certainty",
    "text",
]  # fmt: skip


SOURCE_TYPES = [
    "official",
    "state_media",
    "news_media",
    "social_media",
    "expert",
    "unnamed",
    "other",
]


#: state-owned or state-controlled outlets (names and handles, lower case)
STATE_MEDIA = (
    "xinhua", "xhnews", "china daily", "chinadaily", "global times", "globaltimesnews",
    "cgtn", "cgtnofficial", "cctv", "china central television", "people's daily",
    "peoplesdaily", "pla daily", "china news service", "china military online", "tass",
    "ria novosti", "sputnik",
    "russia today", "rt_com", "zvezda", "rossiyskaya gazeta", "kcna", "state media",
    "state-run", "state-owned", "state broadcaster", "state television",
)  # fmt: skip


#: the press that is no state's: agencies and outlets by name, a name ending as a paper's
#: ("the Journal", "Korea Herald", "Kyodo News"), and the press unnamed ("Russian media",
#: "news reports", "a local newspaper"); state outlets are :data:`STATE_MEDIA`, found first
_NEWS_MEDIA = re.compile(
    r"\b(?:Reuters|Associated\s+Press|AP|AFP|Agence\s+France-Presse|Bloomberg|Kyodo|Yonhap|"
    r"Jiji|NHK|BBC|CNN|NPR|CBS|NBC|ABC|Fox\s+News|Nikkei|Asahi|Yomiuri|Mainichi|SCMP|"
    r"Politico|Axios|Al\s+Jazeera|Deutsche\s+Welle|Kommersant|Interfax|Vedomosti|Meduza|"
    r"The\s+Economist|The\s+Diplomat)\b"
    r"|\b[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}\s+(?:Times|Post|Herald|Tribune|Gazette|"
    r"Journal|Telegraph|Guardian|Observer|Chronicle|Monitor|Insider|News(?:\s+Agency)?)\b"
    r"|\b(?i:the\s+(?:times|journal|guardian|post))$"
    # not "social media" (posts), nor a press secretary or service (officials)
    r"|(?<!social\s)\b(?i:media|newspapers?|news\s+reports?|broadcasters?|news\s+outlets?|"
    r"tabloids?|press(?!\s+(?:secretary|secretaries|service|office|officers?|attach)))\b"
)


_ANON_HEAD = re.compile(
    r"\b(?:officials?|sources?|experts?|analysts?|observers?|diplomats?|insiders?|people|"
    r"reports?|spokes(?:person|man|woman)|a person|critics|commentators|media)\b",
    re.IGNORECASE,
)


_EXPERT = re.compile(
    r"\b(?:former|retired|analysts?|experts?|professors?|researchers?|scholars?|fellow|"
    r"lecturer|think[- ]tank|institute|university|academy|centre|center|author|"
    # the experts of other beats: "Economist Paul Krugman", "climate scientists"
    r"scientists?|economists?|academics?|specialists?|strategists?|historians?|"
    r"demographers?|statisticians?|physicists?|\w+olog(?:ist|er)s?)\b",
    re.IGNORECASE,
)


#: a source that is a business or a group of people, not a state: "Chipmakers in South
#: Korea", "exporters", "farmers in Iowa" (its country made it "official")
_NOT_STATE = re.compile(
    r"^(?:the\s+|some\s+|many\s+|several\s+|\w+\s+)?(?:companies|company|firms?|"
    r"businesses|business|(?!law|policy|peace|decision)\w+makers?|manufacturers?|exporters?|"
    r"importers?|producers?|retailers?|investors?|traders?|farmers?|workers?|consumers?|"
    r"residents?|activists?|protesters?|voters?|executives?|bankers?|campaigners?|"
    r"owners?)\b",
    re.IGNORECASE,
)


_OFFICIAL = re.compile(
    r"\b(?:ministry|ministries|minister|government|defen[cs]e|spokes(?:person|man|woman)|"
    r"president|premier|official|officials|embassy|ambassador|navy|army|military|"
    r"command|commander|general|admiral|colonel|officer|kremlin|pentagon|white house|"
    r"state department|foreign office|council|parliament|congress|secretary|cabinet|"
    r"authorities|lawmakers?|legislators?|policymakers?|PLA|"
    # the military staffs ("the Joint Chiefs of Staff", "the General Staff") and envoys
    r"chiefs?\s+of\s+(?:the\s+)?(?:general\s+|joint\s+|defen[cs]e\s+)?staff|general\s+staff|"
    r"joint\s+staff|envoy|consul|charg[eé]\s+d['\u2019]affaires|attach[eé])\b",
    re.IGNORECASE,
)


#: a rank written out before a name or a rank's number: "Major Wang Haiyun", "Captain 2nd
#: Rank Vladimir Matveyev" (capitalised only: "a major exercise" is no rank)
_RANK_WORD = re.compile(
    r"\b(?:Major|Captain|Lieutenant|Brigadier|Marshal|Commodore|Sergeant)\s+(?:\d|[A-Z])"
)


#: a military rank written short before a name: "Gen. Li", "Lt. Col. Petrov"
_RANK = re.compile(r"\b(?:Gen|Adm|Col|Lt|Maj|Capt|Cmdr|Brig|Sgt|Cdr)\.")


_ROLE = re.compile(
    r"\b(?:colonel|general|admiral|commander|officer|analyst|expert|professor|researcher|"
    r"scholar|fellow|lecturer|director|spokes(?:person|man|woman)|minister|official|"
    r"ambassador|adviser|advisor|editor|correspondent|journalist|chief|head|president|"
    r"chairman|chairwoman|secretary|envoy|diplomat|author|member)\b",
    re.IGNORECASE,
)


_VERBS = (
    r"said|says|say|stated|states|announced|announces|told|tells|added|adds|noted|notes|"
    r"claimed|claims|warned|warns|stressed|stresses|insisted|insists|reported|reports|"
    r"wrote|writes|posted|tweeted|confirmed|confirms|denied|denies|"
    r"declared|declares|argued|argues|explained|explains"
)


_VERB_RE = re.compile(
    rf"(?P<aux>(?:\s+(?:has|have|had|also|previously|earlier|repeatedly|recently|"
    rf"publicly|has also|have also))*)\s+(?P<verb>{_VERBS})\b"
)


#: titles and initials before a name: "Gen. ", "Lt. Col. ", "Dr. ", "J. R. ", "U.S. "
_TITLES = r"(?:(?:[A-Z][a-z]{0,3}\.|[A-Z]\.(?:[A-Z]\.)*)\s*)*"
#: "…, said X": not "told X", whose X is the listener ("…, told the Global Times")
_INVERTED_VERBS = "|".join(v for v in _VERBS.split("|") if v not in ("told", "tells"))
_SAID_BY = re.compile(
    rf"(?:^|,\s*|\"\s*|\u201d\s*)(?:{_INVERTED_VERBS})\s+"
    rf"(?P<src>(?:the\s+)?{_TITLES}[A-Z][^,.;:]*)"
)
#: a closed parenthesis: "Royal Malaysian Navy (RMN) chief …"
_CLOSED_PARENS = re.compile(r"\([^()]*\)")
#: a short parenthesis just before the verb ("The European Union (EU) says")
_GLOSS_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")


_ACCORDING = re.compile(
    r"\b[Aa]ccording to\s+(?P<lead>(?:(?:a|an|the|recent)\s+)?(?:statements?|reports?|"
    r"remarks|comments|data|figures|estimates|calculations|assessments?|surveys?|polls?|"
    r"a statement|an announcement|announcements?|posts?)\s+"
    r"(?:from|by|of|issued by|released by|on)\s+)?(?P<src>[^,;:]+)"
)


_NAMED = re.compile(
    r"(?P<name>\b[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3}),\s+"
    r"(?P<desc>(?:a|an|the)\s+[^,;]+|(?:(?:former|retired|deputy|senior|chief)\s+)?"
    r"(?:commander|head|director|spokes(?:person|man|woman)|minister|chief|editor|chairman|"
    r"chairwoman|president|professor|ambassador|secretary|adviser|advisor|researcher|"
    r"analyst|fellow)\s+(?:of|at|for|with)\s+[^,;]+)"
)


_SUBJECT_WORDS = frozenset(
    "the a an of and its their his her our for on state senior local some several many two "
    "three both news agency media allies ally military defense defence foreign top former "
    "retired chief official officials government ministry spokesperson spokesman spokeswoman "
    "sources source analysts analyst experts expert observers diplomats insiders people "
    "critics commentators authorities navy army officers officer".split()
    # the experts of other beats: "Climate scientist Johan Rockström said"
    + "scientist scientists economist economists researcher researchers scholar scholars "
    "academic academics professor professors specialist specialists".split()
    # "Analysts at the Swedish Institute…", "Officials in Tallinn", "experts from …"
    + "at in from with".split()
)


_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|which|who)$", re.IGNORECASE)


_LEAD_STRIP = re.compile(r"^(?:and|but|while|as|when|because|however|meanwhile|also)\s+", re.I)


def _source_type(source: str, descriptor: str = "") -> str:
    low = f"{source} {descriptor}".lower()
    if any(s in low for s in STATE_MEDIA):
        return "state_media"
    if "@" in source:
        return "social_media"
    if _NEWS_MEDIA.search(source):
        return "news_media"
    name_like = re.search(r"[A-Z][\w'\u2019-]+\s+[A-Z][\w'\u2019-]+", source)
    if _ANON_HEAD.search(source) and not name_like and not descriptor:
        return "unnamed"
    text = f"{source} {descriptor}"
    if _EXPERT.search(text):
        return "expert"
    if _OFFICIAL.search(text) or _RANK.search(text) or _RANK_WORD.search(text):
        return "official"
    if _NOT_STATE.search(source):
        return "other"
    return "official" if _names_state_actor(source) else "other"


@lru_cache(maxsize=65536)
def _names_state_actor(source: str) -> bool:
    """Whether a source names a country, organisation or bloc of the gazetteer."""
    from ..gazetteer import actor_mentions

    gaz = _state_actors()
    frame = pd.DataFrame({"doc_id": ["_"], "sent_id": [0], "start": [0], "text": [source]})
    return bool(len(gaz) and len(actor_mentions(frame, gaz)))


@cache
def _state_actors() -> pd.DataFrame:
    from ..gazetteer import load_gazetteer

    g = load_gazetteer()
    return g[g["type"].isin(["country", "organisation", "bloc"])].reset_index(drop=True)


def _subject_shape(text: str) -> bool:
    """Return True if ``text`` looks like a noun phrase naming a source."""
    words = text.split()
    return all(
        w[0].isupper() or w.lower().strip("'\u2019") in _SUBJECT_WORDS or w.lower() in ("'s",)
        for w in words
    ) and any(w[0].isupper() or w.lower() not in ("the", "a", "an", "of", "and") for w in words)


def _clean_source(raw: str) -> str:
    s = raw.strip().strip("\"'\u201c\u201d").strip()
    s = re.sub(r"\s+(?:in|on|at)\s+(?:a|an|the)\s+(?:statement|interview|post|briefing).*$",
               "", s)  # fmt: skip
    s = re.sub(r"\s+(?:that|who|which|when|on|last|this|earlier)\b.*$", "", s)
    s = _LEAD_STRIP.sub("", s)
    return s.rstrip(" .…").strip()


#: what "according to" names that cites no one: a plan, a scenario, an estimate, a
#: principle, a tradition, a rule or a document ("according to the annual cooperation
#: plan", "according to previous estimates", "according to the exercise's scenario"); the
#: last word of the phrase before its first preposition is looked up
_NOT_A_SOURCE = frozenset(
    "plan plans scenario scenarios estimate estimates principle principles tradition "
    "traditions custom customs schedule schedules timetable timetables calendar rule rules "
    "regulation regulations law laws agreement agreements treaty treaties programme "
    "programmes program programs calculation calculations concept concepts doctrine "
    "doctrines legend script scripts terms provision provisions charter constitution "
    "standard standards protocol protocols procedure procedures logic practice document "
    "documents guideline guidelines map maps list lists result results forecast forecasts "
    "projection projections data figures statistics poll polls survey surveys record "
    "records tally count counts assessment assessments design order orders".split()
)
_HEAD_END = re.compile(
    r"\s+(?:between|of|for|by|from|with|in|on|at|under|to|among|signed|agreed|adopted|"
    r"approved|drawn|which|that)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def _names_no_one(source: str) -> bool:
    """Whether an "according to" phrase names a plan or a document, not who said it."""
    head = _HEAD_END.sub("", source).split()
    return bool(head) and re.sub(r"['\u2019]s$", "", head[-1].lower()) in _NOT_A_SOURCE


#: pronouns that stand for a person cited before ("he said", "according to him"); they,
#: it, we are not resolved
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_OTHER_PRONOUNS = frozenset({"they", "them", "it", "we", "us", "i", "me", "you", "this"})


#: titles and ranks before a name ("President", "Defense Minister", "spokesman for …",
#: "Ambassador to China", "Senior Colonel", "Captain 2nd Rank"): any case for the nouns
#: of office, capitalised for the words that are also common words ("General", "Major")
_TITLE_WORDS = (
    r"(?i:president|prime\s+minister|premier|minister|secretary|spokes(?:man|woman|person)|"
    r"ambassador|envoy|consul|attach[eé]|commander|officer|analyst|professor|researcher|"
    r"director|chairman|chairwoman|senator|governor|adviser|advisor|diplomat)"
    r"|Chief|Head|General|Gen\.|Admiral|Adm\.|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|"
    r"Lieutenant|Lt\.|Brigadier|Brig\.|Marshal|Commodore|Sergeant|Rank"
)
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'\u2019-]+){0,3}"
#: a title, then up to eight capitalised words, numbers or "of/the/for/to/and/at", then a
#: name of one to four capitalised words ending before a lower-case word or punctuation
_TITLED_NAME = re.compile(
    rf"(?<![\w.])(?P<title>{_TITLE_WORDS})(?!\w)"
    r"(?P<gap>(?:\s+(?:[A-Z][\w'\u2019.-]*|\d\w*|of|the|for|to|and|at)){0,8}?)\s+"
    rf"(?P<name>{_NAME})"
    r"(?=['\u2019]s\b|\s+[a-z(\u2014-]|\s*[,.;:!?\"\u201d)\u2014]|\s*$)"
)
#: "Sergey N. Goncharov, charge d'affaires at the Russian Embassy", "said Lyle Morris,
#: senior policy analyst at …": a name, a comma and a description naming a role
_APPOSITION = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'\u2019-]+){0,4}),\s+"
    r"(?P<desc>[^,;\"\u201c\u201d]{3,160})"
)
#: a name and its description just before the verb: "Sergey N. Goncharov, charge
#: d'affaires at the Russian Embassy in China, told Xinhua"
_APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[\s\"\u201c]))(?P<name>[A-Z][\w'\u2019-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'\u2019-]+)"
    r"{1,3}),\s+(?P<desc>[^,;\"\u201c\u201d]{3,160}),\s*$"
)
#: an acronym glossed after its name: "the Joint Chiefs of Staff (JCS)"
_GLOSS = re.compile(r"\((?P<acr>[A-Z][A-Z&]{1,7})\)")
_TITLE_TOKENS = frozenset(
    "president premier prime minister secretary spokesman spokeswoman spokesperson "
    "ambassador envoy consul attache attaché commander officer analyst professor researcher "
    "director chairman chairwoman senator governor adviser advisor diplomat chief head "
    "general gen admiral adm colonel col major maj captain capt lieutenant lt brigadier brig "
    "marshal commodore sergeant rank senior deputy vice dr mr mrs ms prof sen rep cmdr".split()
)
_ORG_TOKEN = re.compile(
    r"(?:ministry|ministries|government|command|department|council|office|agency|"
    r"administration|staff|forces?|army|navy|fleet|military|embassy|service|committee|"
    r"parliament|congress|kremlin|pentagon|house|district|corps|guard|institute|university|"
    r"academy|cent(?:er|re)|corporation|company|group|party|journal|times|post|news|media|"
    r"press|daily|network|television|radio|association|union|organi[sz]ation|bureau|"
    r"authority|authorities|commission|court|bank|police|alliance|federation|republic|"
    r"region|province|city|state|states|nations|report|channel|broadcaster|tv|telegraph|"
    r"guardian|tribune|herald|gazette|review|monitor|wire|foundation|club|league|board|"
    r"inc|ltd|llc)",
    re.IGNORECASE,
)
_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "at", "to"})


@cache
def _place_words() -> frozenset[str]:
    """Every word of the gazetteer's aliases ("Russian", "China", "Korea"): no person."""
    from ..gazetteer import load_gazetteer

    words = {w for a in load_gazetteer()["alias"] for w in a.replace("\u2019", "'").split()}
    return frozenset(words)


def _name_token(tok: str) -> str:
    """Return the token as a name's word ("Putin's" -> "Putin"), or "" if it is none."""
    from ..resources import stopwords

    t = re.sub(r"['\u2019]s$", "", tok.strip(".,;:\"'\u201c\u201d()"))
    low = t.lower().rstrip(".")
    if not t or not t[0].isupper() or (len(t) > 1 and t.replace(".", "").isupper()):
        return ""  # lower case, or an acronym ("NPR", "JCS")
    if low in _TITLE_TOKENS or low in stopwords() or _ORG_TOKEN.fullmatch(low):
        return ""
    if _OFFICIAL.fullmatch(t) or _EXPERT.fullmatch(t) or _ROLE.fullmatch(t):
        return ""
    if t.replace("\u2019", "'") in _place_words() or low in STATE_MEDIA:
        return ""
    return t


def _trailing_name(text: str) -> list[str]:
    """Return the words of the person's name that ends ``text``.

    "Defense Minister Sergei Shoigu" -> ["Sergei", "Shoigu"]; [] when it ends in no name
    (an organisation, a place, a lower-case word). Initials ("N.") are skipped.
    """
    out: list[str] = []
    for tok in reversed(text.split()):
        if re.fullmatch(r"[A-Z]\.", tok):
            continue
        word = _name_token(tok)
        if not word:
            break
        out.append(word)
    return out[::-1]


def _description(desc: str) -> str:
    """Return ``desc`` if it describes a role, else "".

    "a former Chinese military attache", "Russia's ambassador", "senior policy analyst at
    …" describe a role; "Xi and Modi" is a list.
    """
    desc = desc.strip()
    first = desc.split()[0] if desc else ""
    if not first or not (
        first[0].islower() or first.lower() in ("a", "an", "the")
        or re.search(r"['\u2019]s$", first) or _ROLE.match(first)
    ):  # fmt: skip
        return ""
    return desc if _ROLE.search(desc) or _OFFICIAL.search(desc) or _EXPERT.search(desc) else ""


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


class _Cited:
    """What one document has said of its people and bodies so far, read in order.

    A name introduced with a title ("Russian President Vladimir Putin", "Sergey N.
    Goncharov, charge d'affaires at the Russian Embassy") keeps the title's type for the
    rest of the document ("Putin said", "said Goncharov"); an acronym of an official body
    ("the Joint Chiefs of Staff (JCS)", "South Korea's Joint Chiefs of Staff") keeps its
    type ("The JCS reported"); the last named person cited is who "he" and "according to
    him" stand for.
    """

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}
        self.last_person: tuple[str, str] | None = None

    def add_name(self, words: list[str], typ: str) -> None:
        if words and self.last_person and words[-1] not in self.last_person[0].split():
            # another person named since the last one cited: "he" could be either
            self.last_person = None
        if typ in ("official", "expert"):
            for w in words:
                self.names[w] = typ

    def add_body(self, source: str, typ: str) -> None:
        if typ not in ("official", "expert", "state_media"):
            return
        caps = [w for w in re.split(r"[\s-]+", source) if w[:1].isupper()]
        letters = _initials(caps)
        for i in range(len(letters) - 1):  # "South Korea's Joint Chiefs of Staff": JCS too
            self.acronyms.setdefault(letters[i:], typ)

    def read(self, text: str) -> list[re.Match]:
        """Learn the titled names, appositions and glossed acronyms of a sentence."""
        titled = list(_TITLED_NAME.finditer(text))
        for m in titled:
            context = text[max(0, m.start() - 30) : m.start("name")]
            typ = _source_type(m["name"], context)
            self.add_name(_trailing_name(m["name"]), typ)
        for m in _APPOSITION.finditer(text):
            if desc := _description(m["desc"]):
                self.add_name(_trailing_name(m["name"]), _source_type(m["name"], desc))
        for m in _GLOSS.finditer(text):
            words = text[: m.start()].split()[-8:]
            caps = [w for w in words if w[:1].isupper()]
            for k in range(len(caps)):
                if _initials(caps[k:]) == m["acr"]:
                    long = " ".join(words[words.index(caps[k]) :])
                    typ = _source_type(long)
                    if typ in ("official", "expert", "state_media"):
                        self.acronyms[m["acr"]] = typ
                    break
        return titled

    def type_of(self, source: str, typ: str) -> str:
        """Return a source's type, a bare name or acronym taking what was said of it."""
        if typ != "other":
            return typ
        bare = re.sub(r"^(?:the|a|an)\s+", "", source, flags=re.IGNORECASE)
        if bare in self.acronyms:
            return self.acronyms[bare]
        for w in reversed(_trailing_name(source)):
            if w in self.names:
                return self.names[w]
        return typ

    def cited(self, source: str, typ: str, desc: str) -> None:
        """Remember a cited source: its name and type, and whether it is a person."""
        words = _trailing_name(source)
        if words and (len(words) > 1 or desc or words[-1] in self.names):
            self.add_name(words, typ)
            if typ not in ("unnamed", "state_media", "news_media", "social_media"):
                self.last_person = (" ".join(words), typ)
        elif not words:
            self.add_body(source, typ)


def attributions(sentences: pd.DataFrame) -> pd.DataFrame:
    """Find who is cited in each sentence, and how.

    Rules, applied to each sentence (see the notebook for their limits):

    1. **embedded posts**: an embedded post (an embed paragraph, ``kind == "embed"``) is
       attributed once to the account in its credit line (``— Name (@handle) Date``), on
       the row of its first sentence, with all its sentences in ``sent_ids`` and their
       text joined in ``text``; the credit line itself is not an attribution;
    2. **according to**: "according to [statements|reports|estimates|… from|by] SOURCE";
       a plan, scenario, estimate, principle, tradition, rule or document is no source
       ("according to the annual cooperation plan …", "according to previous
       estimates", "according to the exercise's scenario" give no row);
    3. **reporting verbs**: "SOURCE [has|also…] said|stated|announced|told|noted|warned|
       …" (the subject of the clause), and the inverted "…, said SOURCE" (with the
       description after it: "said Lyle Morris, senior policy analyst at …"); a subject
       that is no run of names but ends in a titled name keeps the name as the source and
       the title as its descriptor ("chief press officer of the Eastern Military District
       Colonel Alexander Gordeyev told"), and so does "NAME, DESCRIPTION, told"; verbs
       of reaction ("expressed alarm", "voiced concern") report a reaction, not a cited
       statement, and are not cues;
    4. **named individuals with a descriptor**: "Zhou Bo, a former Senior Colonel of…"
       (two to four capitalised words, a comma, and a descriptor naming a role).

    **Each document is read in order, and remembers** (so call this on whole documents):

    - a person introduced with a title or a description ("Russian President Vladimir
      Putin", "Defense Ministry spokesman Geng Yansheng", "Sergey N. Goncharov, charge
      d'affaires at the Russian Embassy") keeps its type when named later without it
      ("Putin said", "Geng said", "said Goncharov"), in that sentence or any after;
    - an official body's acronym, glossed ("the Joint Chiefs of Staff (JCS)") or the
      initials of its name cited before ("South Korea's Joint Chiefs of Staff" ... "The
      JCS reported"), keeps the body's type;
    - a person pronoun ("he said", "she added", "according to him") stands for the last
      named person the document cited: the row names that person (``cue`` "he said",
      "according to (him)"); if no person was cited yet, or another person was named
      since, it gives no row. "They", "it" and "we" are never resolved.

    A bare name the document never introduced with a title or description (a surname
    alone) stays ``other``: the gazetteer lists states and blocs, not people. The same
    source found twice in one sentence gives one row (the first rule wins).

    ``source_type`` is, in this order: ``state_media`` (a listed state outlet,
    :data:`STATE_MEDIA`), ``social_media`` (an account handle), ``news_media`` (another
    outlet or agency, "Reuters", "the Journal", "Kyodo News", or the press unnamed,
    "Russian media", "news reports"), ``unnamed`` (an
    anonymous head such as "officials", "sources", "analysts" with no name),
    ``expert`` (former or retired officers, analysts, academics, think tanks),
    ``official`` (ministries, governments, officials, armed forces and their staffs,
    envoys, titles and ranks, and states or blocs of the gazetteer) and otherwise
    ``other``. A state named as the speaker, by its name or its capital ("Seoul said",
    "Japan also said", "Moscow and Beijing denied"), is its government speaking (a
    metonymy news uses for official statements) and so ``official``; a business or group
    of people of a country ("Chipmakers in South Korea") is not.

    Parameters
    ----------
    sentences
        Sentences from :func:`framelens.corpus.segment` (``doc_id, sent_id, start, text``
        are needed), in any row order (each document is read in the order of
        ``sent_id``); ``kind`` and ``para_id`` find the embedded posts and their credit
        lines (without ``kind`` every sentence is prose).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, source, source_type, cue, descriptor, sent_ids, start, end,
        text``: one row per attribution (per source and sentence; per embedded post);
        ``cue`` names the rule and its words, ``descriptor`` the description of a named
        individual, ``sent_ids`` the sentences the attribution covers (space-separated:
        the sentence itself, or every sentence of an embedded post), ``start``/``end``
        the document offsets of the source's name (of the credit line for embeds),
        ``text`` the sentence (the post's sentences for embeds). Sorted by ``doc_id,
        sent_id, start``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "kind": ["prose"],
    ...     "text": ["According to Xinhua, Chinese officials said the drills are routine."]})
    >>> attributions(s)[["source", "source_type", "cue"]].values.tolist()
    [['Xinhua', 'state_media', 'according to'], ['Chinese officials', 'unnamed', 'said']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "start", "text"])
    if sentences.empty:
        return _empty(ATTRIBUTION_COLUMNS, ["sent_id", "start", "end"])
    # an embedded post is attributed on its first sentence: read each document in order
    sentences = in_order(sentences)
    kinds = (
        sentences["kind"]
        if "kind" in sentences.columns
        else pd.Series("prose", index=sentences.index)
    )
    paras = (
        sentences["para_id"]
        if "para_id" in sentences.columns
        else pd.Series(range(len(sentences)), index=sentences.index)
    )
    credits: dict[tuple, tuple[str, str, int, int]] = {}
    credit_rows = set()
    posts: dict[tuple, list[int]] = {}  # (doc_id, para) -> rows of the post's sentences
    for i, (doc_id, para, text, kind, start) in enumerate(
        zip(sentences["doc_id"], paras, sentences["text"], kinds, sentences["start"],
            strict=True)
    ):  # fmt: skip
        m = corpus.CREDIT_RE.match(str(text).strip())
        if kind == "embed" and m:
            name, handle = m["name"].strip(), m["handle"]
            src = f"{name} (@{handle})" if name else f"@{handle}"
            credits[(doc_id, para)] = (src, name, int(start), int(start) + len(str(text)))
            credit_rows.add(i)
        elif kind == "embed":
            posts.setdefault((doc_id, para), []).append(i)
    first_of_post = {rows_[0]: rows_ for rows_ in posts.values()}
    sent_ids_all = sentences["sent_id"].tolist()
    texts_all = [str(t) for t in sentences["text"]]
    rows: list[tuple] = []
    doc_seen: Any = object()
    cited = _Cited()
    for i, (doc_id, sent_id, para, text, start) in enumerate(
        zip(sentences["doc_id"], sentences["sent_id"], paras, sentences["text"],
            sentences["start"], strict=True)
    ):  # fmt: skip
        if doc_id != doc_seen:  # a new document: nothing said of its sources yet
            doc_seen, cited = doc_id, _Cited()
        text, off = str(text), int(start)
        # (source, type, cue, descriptor, start, end, pronoun standing for the source)
        found: list[tuple[str, str, str, str, int, int, str]] = []
        post: list[int] = []
        if i in first_of_post:
            post = first_of_post[i]
            cr = credits.get((doc_id, para))
            if cr:
                src, name, a, b = cr
                typ = _source_type(f"{name} {src}")
                found.append((src, typ, "embedded post (credit line)", "", a, b, ""))
            else:
                found.append(("(unknown account)", "social_media", "embedded post", "", off,
                              off + len(text), ""))  # fmt: skip
        elif i in credit_rows:
            continue
        titled = cited.read(text)
        for m in _ACCORDING.finditer(text):
            src = _clean_source(m["src"])
            if not src or src.lower() in _OTHER_PRONOUNS or _names_no_one(src):
                continue  # "according to the plan / previous estimates": no one cited
            cue = ("according to " + (m["lead"] or "")).strip().lower()
            cue = re.sub(r"\s+", " ", cue)
            a = off + m.start("src")
            pron = src.lower() if src.lower() in _PERSON_PRONOUNS else ""
            found.append((src, _source_type(src), cue, "", a, a + len(src), pron))
        for m in _NAMED.finditer(text):
            desc = corpus.EMBED_LINK_RE.sub("", m["desc"]).strip().rstrip(".").strip()
            if not _ROLE.search(desc):
                continue
            name = m["name"]
            a = off + m.start("name")
            found.append((name, _source_type(name, desc), "named with descriptor", desc, a,
                          a + len(name), ""))  # fmt: skip
        for m in _VERB_RE.finditer(text):
            before = text[: m.start()]
            # "The European Union (EU) says": the parenthesis glosses the subject
            gloss = _GLOSS_END.search(before)
            if gloss:
                before = before[: gloss.start()] + " "
            # a parenthesis closed before the verb glosses a name in the subject: no cut
            blanked = _CLOSED_PARENS.sub(lambda g: " " * len(g.group(0)), before)
            cut = max(blanked.rfind(ch) for ch in ',;:(\u201c"')
            cut = max(cut, before.rfind(" that "))
            subj = before[cut + 1 :]
            stripped = _clean_source(subj)
            verb = m["verb"].lower()
            appos = None if stripped else _APPOSITION_BEFORE.search(before)
            if appos and (desc := _description(appos["desc"])):
                a = off + appos.start("name")
                found.append((appos["name"], _source_type(appos["name"], desc), verb, desc,
                              a, a + len(appos["name"]), ""))  # fmt: skip
                continue
            if stripped.lower() in _PERSON_PRONOUNS:  # "he said": the last person cited
                a = off + cut + 1 + subj.find(stripped)
                found.append((stripped, "other", verb, "", a, a + len(stripped),
                              stripped.lower()))  # fmt: skip
                continue
            plain = _CLOSED_PARENS.sub("", stripped)
            if (not stripped or len(plain.split()) > 8 or _PRONOUN.match(stripped)
                    or stripped.split()[0].lower() in ("it", "this")
                    or not _subject_shape(plain)):  # fmt: skip
                # "chief press officer of the … District Colonel Alexander Gordeyev told":
                # no noun phrase of names, but a titled name just before the verb
                t = next((t for t in titled if t.end("name") == m.start()
                          and t.start() > cut), None)  # fmt: skip
                words = _trailing_name(t["name"]) if t else []
                if t and words:
                    a = t.start("name") + t["name"].rfind(words[0])
                    name, desc = text[a : t.end("name")], text[t.start() : a].strip()
                    found.append((name, _source_type(name, desc), verb, desc, off + a,
                                  off + t.end("name"), ""))  # fmt: skip
                continue
            a = off + cut + 1 + subj.find(stripped)
            found.append((stripped, _source_type(stripped), verb, "", a, a + len(stripped),
                          ""))  # fmt: skip
        for m in _SAID_BY.finditer(text):
            src = _clean_source(m["src"])
            if src.lower() in _PERSON_PRONOUNS:  # "…, said he"
                a = off + m.start("src")
                found.append((src, "other", "said (inverted)", "", a, a + len(src),
                              src.lower()))  # fmt: skip
            elif src and src.lower() not in _OTHER_PRONOUNS:
                a = off + m.start("src")
                # "…, said Lyle Morris, senior policy analyst at …": the description after
                after = re.match(r",\s+([^,;\"\u201c\u201d]{3,160})", text[m.end("src") :])
                desc = _description(after.group(1)) if after else ""
                desc = desc.rstrip(" .")
                found.append((src, _source_type(src, desc), "said (inverted)", desc, a,
                              a + len(src), ""))  # fmt: skip
        seen: set[str] = set()
        kept: list[tuple[str, str, str]] = []
        for src, typ, cue, desc, a, b, pron in found:
            if pron:  # a pronoun: the last named person of the document, or no row
                if cited.last_person is None:
                    continue
                src, typ = cited.last_person
                cue = f"{cue} ({pron})" if cue.startswith(("according", "said (")) else (
                    f"{pron} {cue}")  # fmt: skip
            else:
                typ = cited.type_of(src, typ)
            key = re.sub(r"^(?:the|a|an)\s+", "", src.lower())
            if key in seen or any(key in s or s in key for s in seen):
                continue
            seen.add(key)
            if not pron:
                kept.append((a, src, typ, desc))
            if cue.startswith("embedded post"):
                ids = " ".join(str(sent_ids_all[k]) for k in post)
                body = " ".join(texts_all[k] for k in post)
                rows.append((doc_id, int(sent_id), src, typ, cue, desc, ids, a, b, body))
            else:
                rows.append((doc_id, int(sent_id), src, typ, cue, desc, str(sent_id), a, b,
                             text))  # fmt: skip
        for _, src, typ, desc in sorted(kept):  # for the sentences after this one
            cited.cited(src, typ, desc)
    if not rows:
        return _empty(ATTRIBUTION_COLUMNS, ["sent_id", "start", "end"])
    out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    out = out.astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    return out.sort_values(["doc_id", "sent_id", "start"], kind="stable").reset_index(drop=True)


ATTRIBUTION_COUNT_COLUMNS = ["doc_id", "source_type", "n_attributions"]


def attribution_counts(attribution: pd.DataFrame) -> pd.DataFrame:
    """Count :func:`attributions` per document and source type (partial counts that sum).

    Parameters
    ----------
    attribution
        :func:`attributions` of some documents (``doc_id, source_type`` are used); the
        counts of several partitions can be concatenated and passed to
        :func:`attribution_documents`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, source_type, n_attributions``: one row per document with an
        attribution and per type of :data:`SOURCE_TYPES` (zeros included), sorted by
        ``doc_id`` and the types' order; an embedded post counts once.

    Examples
    --------
    >>> a = pd.DataFrame({"doc_id": ["a", "a"], "source_type": ["official", "expert"]})
    >>> attribution_counts(a).query("n_attributions > 0").values.tolist()
    [['a', 'official', 1], ['a', 'expert', 1]]
    """
    check_columns("attribution", attribution, ["doc_id", "source_type"])
    docs = sorted(set(attribution["doc_id"]), key=str)
    if not docs:
        return _empty(ATTRIBUTION_COUNT_COLUMNS, ["n_attributions"])
    n = attribution.groupby(["doc_id", "source_type"]).size()
    grid = pd.MultiIndex.from_product([docs, SOURCE_TYPES], names=["doc_id", "source_type"])
    extra = sorted(set(n.index.get_level_values("source_type")) - set(SOURCE_TYPES))
    if extra:  # a type this version does not know: kept, after the known ones
        grid = pd.MultiIndex.from_product(
            [docs, SOURCE_TYPES + extra], names=["doc_id", "source_type"]
        )
    out = n.reindex(grid, fill_value=0).rename("n_attributions").reset_index()
    return out.astype({"n_attributions": "int64"})


def attribution_documents(
    counts: pd.DataFrame, *, documents: pd.DataFrame | None = None, by: str = "doc_id"
) -> pd.DataFrame:
    """Finish source types per document or group (an outlet, a year) from summed counts.

    Parameters
    ----------
    counts
        :func:`attribution_counts` of one or more partitions, concatenated (rows of the
        same document and type are summed).
    documents
        The documents frame; needed when ``by`` is a metadata column (e.g. ``"source"``,
        or a period column from :func:`framelens.groups.with_period`). Given, every
        document counts in its group's ``n_documents``, with attributions or not, and
        every group gets its rows.
    by
        ``"doc_id"`` (default) or a column of ``documents`` to group by (an empty value
        becomes ``"(missing)"``).

    Returns
    -------
    pandas.DataFrame
        ``<by>, source_type, n_attributions, share, n_documents, n_documents_citing``:
        one row per document or group and source type (tidy long format, zeros
        included), sorted by the group and the order of :data:`SOURCE_TYPES`;
        ``share`` = ``n_attributions`` / all the group's attributions (NaN when it has
        none); ``n_documents`` the group's documents; ``n_documents_citing`` those with
        at least one attribution of the type.

    Raises
    ------
    ParameterError
        When ``by`` is not ``"doc_id"`` and ``documents`` is not given, or ``by`` is not
        a column of ``documents``.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a", "a", "b"], "source_type": ["official", "expert",
    ...     "official"], "n_attributions": [3, 1, 2]})
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["X", "X", "Y"]})
    >>> t = attribution_documents(c, documents=docs, by="source")
    >>> t[t.source_type == "official"].values.tolist()
    [['X', 'official', 5, 0.8333333333333334, 2, 2], ['Y', 'official', 0, nan, 1, 0]]
    """
    check_columns("counts", counts, ATTRIBUTION_COUNT_COLUMNS)
    cols = [by, "source_type", "n_attributions", "share", "n_documents", "n_documents_citing"]
    c = counts.groupby(["doc_id", "source_type"], as_index=False)["n_attributions"].sum()
    if documents is None:
        if by != "doc_id":
            raise ParameterError(
                f"`by` {by!r} needs the documents frame (documents=...) to look the groups up."
            )
        ids = sorted(set(text_values(c["doc_id"])), key=str)
        labels = pd.DataFrame({"doc_id": ids, "group": ids})
    elif by == "doc_id":
        labels = pd.DataFrame({"doc_id": doc_ids(documents), "group": doc_ids(documents)})
    else:
        labels = group_labels(documents, by, name="by")  # checks `by`
    lookup = dict(zip(labels["doc_id"], labels["group"], strict=True))
    if documents is not None and len(c):
        check_same_documents(c, documents, name="counts")
    c = c.assign(group=[lookup.get(d, MISSING) for d in text_values(c["doc_id"])])
    types = SOURCE_TYPES + sorted(set(c["source_type"]) - set(SOURCE_TYPES))
    groups = sorted(set(labels["group"]) | set(c["group"]), key=str)
    grid = pd.MultiIndex.from_product([groups, types], names=["group", "source_type"])
    g = c.groupby(["group", "source_type"])["n_attributions"]
    out = pd.DataFrame({
        "n_attributions": g.sum().reindex(grid, fill_value=0),
        "n_documents_citing": g.apply(lambda x: int((x > 0).sum())).reindex(grid, fill_value=0),
    }).reset_index()  # fmt: skip
    total = out.groupby("group")["n_attributions"].transform("sum")
    out["share"] = out["n_attributions"] / total.where(total > 0)
    sizes = labels.groupby("group").size()
    extra = c.loc[[d not in lookup for d in text_values(c["doc_id"])], ["group", "doc_id"]]
    sizes = sizes.add(extra.drop_duplicates().groupby("group").size(), fill_value=0)
    out["n_documents"] = out["group"].map(sizes).fillna(0)
    out = out.astype(
        {"n_attributions": "int64", "n_documents": "int64", "n_documents_citing": "int64"}
    )
    return out.rename(columns={"group": by})[cols]


#: markers of uncertainty and of certainty (a dictionary in the same format as frames)
HEDGING_MARKERS: dict[str, Any] = {
    "name": "hedging",
    "description": (
        "Markers of uncertainty (hedges) and certainty (boosters), a news-oriented subset "
        "of Hyland's (2005) metadiscourse lists, with the attribution hedges of news "
        "(reportedly, allegedly, perceived) added. \"will\" is not a booster here: in "
        "news of scheduled events it is the future tense (\"the drills will last a week\"), "
        "and it is not in Hyland's list."
    ),
    "categories": {
        "hedge": {
            "definition": "The writer withholds full commitment to the statement.",
            "sources": ["Hyland, K. (2005). Metadiscourse. London: Continuum. Appendix."],
            "patterns": [
                "=may", "might", "could", "would", "likely", "unlikely", "possibl*",
                "perhaps", "maybe", "probabl*", "reportedly", "allegedly", "apparent*",
                "seem", "seems", "seemed", "appear", "appears", "appeared", "suggest*",
                "perceive*", "potential*", "estimat*", "approximately", "believed to",
                "said to", "thought to", "expected to", "uncertain*", "unclear",
                "speculat*", "rumor*", "rumour*",
            ],
        },
        "certainty": {
            "definition": "The writer expresses full commitment to the statement.",
            "sources": ["Hyland, K. (2005). Metadiscourse. London: Continuum. Appendix."],
            "patterns": [
                "clearly", "certainly", "definitely", "undoubtedly", "no doubt",
                "without doubt", "obviously", "indeed", "surely", "must", "in fact",
                "evident*", "proven", "undeniabl*", "inevitabl*", "always", "confirmed",
            ],
        },
    },
}  # fmt: skip


@cache
def _hedging_dictionary() -> Dictionary:
    return load_dictionary(HEDGING_MARKERS)


def hedging(sentences: pd.DataFrame) -> pd.DataFrame:
    """Mark hedges (may, likely, reportedly, perceived…) and certainty (clearly, must…).

    Markers are matched like dictionary patterns (:data:`HEDGING_MARKERS`): "may" only in
    lower case, so the month "May" is not a marker (a sentence-initial "May…" is missed).
    "will" is no certainty marker: in news of scheduled events it is the future tense; it
    had been 89% of the certainty markers of Chinese and Russian state coverage.

    Parameters
    ----------
    sentences
        Sentences from :func:`framelens.corpus.segment` (``doc_id, sent_id, start, text``
        are needed; ``kind`` is copied, ``"prose"`` without it); any subset of a corpus.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, kind, n_words, n_hedges, n_certainty, hedges, certainty,
        text``: one row per sentence (zeros included); ``n_words`` as
        :func:`framelens.corpus.words` counts them; ``hedges``/``certainty`` list the
        markers with document offsets, separated by ``"; "`` (``"likely@3286-3292"``).
        Sorted by ``doc_id, sent_id``.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "kind": ["prose"],
    ...                   "text": ["In May the drills will likely resume, clearly."]})
    >>> hedging(s)[["n_hedges", "n_certainty", "hedges", "certainty"]].values.tolist()
    [[1, 1, 'likely@23-29', 'clearly@38-45']]
    """
    check_columns("sentences", sentences, ["doc_id", "sent_id", "start", "text"])
    if sentences.empty:
        return _empty(HEDGING_COLUMNS, ["sent_id", "n_words", "n_hedges", "n_certainty"])
    hits = term_hits(sentences, _hedging_dictionary(), context=False)
    out = sentences[["doc_id", "sent_id", "text"]].copy()
    out["kind"] = sentences["kind"] if "kind" in sentences.columns else "prose"
    out["n_words"] = _sentence_words(sentences)
    ev = hits.assign(
        ev=hits["term"] + "@" + hits["start"].astype(str) + "-" + hits["end"].astype(str)
    )
    for frame, name in (("hedge", "hedges"), ("certainty", "certainty")):
        sub = ev[ev["frame"] == frame].groupby(["doc_id", "sent_id"])["ev"]
        agg = pd.DataFrame({f"n_{name}": sub.size(), name: sub.agg("; ".join)}).reset_index()
        out = out.merge(agg, on=["doc_id", "sent_id"], how="left")
        out[f"n_{name}"] = out[f"n_{name}"].fillna(0).astype("int64")
        out[name] = out[name].fillna("")
    out = out.astype({"sent_id": "int64"})
    return out[HEDGING_COLUMNS].sort_values(["doc_id", "sent_id"]).reset_index(drop=True)


def hedging_counts(hedge_sentences: pd.DataFrame) -> pd.DataFrame:
    """Sum :func:`hedging` per document (partial counts that sum across partitions).

    Parameters
    ----------
    hedge_sentences
        :func:`hedging` on some sentences (``doc_id, n_words, n_hedges, n_certainty``
        are used).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, n_sentences, n_words, n_hedges, n_certainty, n_hedged_sentences,
        n_certain_sentences``: one row per document, sorted by ``doc_id``;
        ``n_hedged_sentences``/``n_certain_sentences`` count the sentences with at least
        one hedge/certainty marker.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 30],
    ...     "text": ["The drills may resume.", "They must."]})
    >>> hedging_counts(hedging(s)).iloc[0, 1:].tolist()
    [2, 6, 1, 1, 1, 1]
    """
    check_columns(
        "hedge_sentences", hedge_sentences, ["doc_id", "n_words", "n_hedges", "n_certainty"]
    )
    cols = ["doc_id", "n_sentences", "n_words", "n_hedges", "n_certainty",
            "n_hedged_sentences", "n_certain_sentences"]  # fmt: skip
    if hedge_sentences.empty:
        return _empty(cols, cols[1:])
    h = hedge_sentences.assign(
        n_sentences=1,
        n_hedged_sentences=(hedge_sentences["n_hedges"] > 0).astype("int64"),
        n_certain_sentences=(hedge_sentences["n_certainty"] > 0).astype("int64"),
    )
    out = h.groupby("doc_id", sort=True)[cols[1:]].sum().reset_index()
    return out.astype({c: "int64" for c in cols[1:]})


def hedging_documents(
    counts: pd.DataFrame, *, documents: pd.DataFrame | None = None, by: str = "doc_id"
) -> pd.DataFrame:
    """Finish hedging per document or group from summed :func:`hedging_counts`.

    Parameters
    ----------
    counts
        :func:`hedging_counts` of one or more partitions, concatenated (rows of the same
        document or group are summed).
    documents
        The documents frame; needed when ``by`` is a metadata column (e.g. ``"source"``).
        Documents with no sentences get no row.
    by
        ``"doc_id"`` (default) or a column of ``documents`` to group by (an empty value
        becomes ``"(missing)"``).

    Returns
    -------
    pandas.DataFrame
        ``<by>, n_sentences, n_words, n_hedges, n_certainty, n_hedged_sentences,
        n_certain_sentences, hedges_per_1000_words, certainty_per_1000_words,
        share_hedged, share_certain`` (NaN where there are no words or sentences): one
        row per document or group, sorted by it; the rates are ``1000 * n / n_words``,
        the shares ``n_hedged_sentences / n_sentences`` and ``n_certain_sentences /
        n_sentences``.

    Raises
    ------
    ParameterError
        When ``by`` is not ``"doc_id"`` and ``documents`` is not given, or ``by`` is not
        a column of ``documents``.

    Examples
    --------
    >>> c = pd.DataFrame({"doc_id": ["a"], "n_sentences": [2], "n_words": [6],
    ...     "n_hedges": [1], "n_certainty": [1], "n_hedged_sentences": [1],
    ...     "n_certain_sentences": [1]})
    >>> hedging_documents(c)["hedges_per_1000_words"].round(1).tolist()
    [166.7]
    """
    ints = ["n_sentences", "n_words", "n_hedges", "n_certainty", "n_hedged_sentences",
            "n_certain_sentences"]  # fmt: skip
    check_columns("counts", counts, ["doc_id"] + ints)
    c, key = _group_keys(counts, documents, by)
    g = c.groupby(key, sort=True)[ints].sum().reset_index().astype({i: "int64" for i in ints})
    words = g["n_words"].where(g["n_words"] > 0)
    sents = g["n_sentences"].where(g["n_sentences"] > 0)
    g["hedges_per_1000_words"] = 1000 * g["n_hedges"] / words
    g["certainty_per_1000_words"] = 1000 * g["n_certainty"] / words
    g["share_hedged"] = g["n_hedged_sentences"] / sents
    g["share_certain"] = g["n_certain_sentences"] / sents
    return g
