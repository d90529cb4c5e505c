"""Language tags: normalising what users and folder names say, and reading them off paths.

Every tag is normalised to its shortest BCP 47 form (`fas` -> `fa`, `zho-CN` ->
`zh-CN`, `fr_CA` -> `fr-CA`) so rules and rule packs compare one spelling.
"""

from __future__ import annotations

import functools
from pathlib import PurePosixPath

# Individual languages that news corpora name by their ISO 639-3 code but that
# everyone else knows by their macrolanguage (NTREX's `arb` is Arabic).
_MACRO_MEMBERS = {"arb": "ar", "pes": "fa", "prs": "fa-AF", "cmn": "zh", "zsm": "ms", "ekk": "et", "lvs": "lv", "npi": "ne", "swh": "sw", "uzn": "uz", "azj": "az", "plt": "mg", "khk": "mn", "ory": "or", "gaz": "om", "ydd": "yi", "pbt": "ps"}

# The ISO 639-1 codes, which are already their own canonical form: the common
# case ("fa/", "x.fr.txt") is answered without importing langcodes (start-up).
_ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv "
    "dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig "
    "ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh "
    "mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru "
    "rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tn to tr ts tt tw ty ug uk "
    "ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)

# Their ISO 639-2 (T and B) forms, which corpora name folders by (`fra/`, `fas/`), from langcodes
# (tests/run/test_languages.py checks the table against it): answered without the tag database too.
_ALPHA3 = dict(
    pair.split(":") for pair in (
    "aar:aa abk:ab afr:af aka:ak alb:sq amh:am ara:ar arg:an arm:hy asm:as ava:av ave:ae "
    "aym:ay aze:az bak:ba bam:bm baq:eu bel:be ben:bn bih:bh bis:bi bod:bo bos:bs bre:br "
    "bul:bg bur:my cat:ca ces:cs cha:ch che:ce chi:zh chu:cu chv:cv cor:kw cos:co cre:cr "
    "cym:cy cze:cs dan:da deu:de div:dv dut:nl dzo:dz ell:el eng:en epo:eo est:et eus:eu "
    "ewe:ee fao:fo fas:fa fij:fj fin:fi fra:fr fre:fr fry:fy ful:ff geo:ka ger:de gla:gd "
    "gle:ga glg:gl glv:gv gre:el grn:gn guj:gu hat:ht hau:ha heb:he her:hz hin:hi hmo:ho "
    "hrv:hr hun:hu hye:hy ibo:ig ice:is ido:io iii:ii iku:iu ile:ie ina:ia ind:id ipk:ik "
    "isl:is ita:it jav:jv jpn:ja kal:kl kan:kn kas:ks kat:ka kau:kr kaz:kk khm:km kik:ki "
    "kin:rw kir:ky kom:kv kon:kg kor:ko kua:kj kur:ku lao:lo lat:la lav:lv lim:li lin:ln "
    "lit:lt ltz:lb lub:lu lug:lg mac:mk mah:mh mal:ml mao:mi mar:mr may:ms mkd:mk mlg:mg "
    "mlt:mt mon:mn mri:mi msa:ms mya:my nau:na nav:nv nbl:nr nde:nd ndo:ng nep:ne nld:nl "
    "nno:nn nob:nb nor:no nya:ny oci:oc oji:oj ori:or orm:om oss:os pan:pa per:fa pli:pi "
    "pol:pl por:pt pus:ps que:qu roh:rm ron:ro rum:ro run:rn rus:ru sag:sg san:sa sin:si "
    "slk:sk slo:sk slv:sl sme:se smo:sm sna:sn snd:sd som:so sot:st spa:es sqi:sq srd:sc "
    "srp:sr ssw:ss sun:su swa:sw swe:sv tah:ty tam:ta tat:tt tel:te tgk:tg tha:th tib:bo "
    "tir:ti ton:to tsn:tn tso:ts tuk:tk tur:tr twi:tw uig:ug ukr:uk urd:ur uzb:uz ven:ve "
    "vie:vi vol:vo wel:cy wln:wa wol:wo xho:xh yid:yi yor:yo zha:za zho:zh zul:zu "
    ).split()
)
# Codes withdrawn or merged into others (`iw` is now `he`, `scc` is `sr`): langcodes knows them.
_WITHDRAWN = frozenset({"iw", "in", "ji", "jw", "mo", "sh", "adp", "cnr", "drh", "drw", "hbs", "mol", "scc", "scr",
                        "swc", "tnf"})
# Region subtags as langcodes writes them (`CA`, not the withdrawn `UK` it turns into `GB`);
# a test checks the table against it.
_REGIONS = frozenset((
    "AA AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN "
    "BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CP CR CU CV CW CX CY CZ DE "
    "DG DJ DK DM DO DZ EA EC EE EG EH ER ES ET EU EZ FI FJ FK FM FO FR GA GB GD GE GF GG GH GI "
    "GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT JE JM "
    "JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG "
    "MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM "
    "PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA QM QN QO QP QQ QR QS QT QV QW QX QY QZ RE RO "
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TF TG TH "
    "TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM UN US UY UZ VA VC VE VG VI VN VU WF WS XA XB XC "
    "XD XE XF XG XH XI XJ XK XL XM XN XO XP XQ XR XS XT XU XV XW XX XY XZ YE YT ZA ZM ZW ZZ "
).split())

# How many parent folders of a file may name its language (`fa/2024/x.txt`).
# Looking further up would read user names and project folders as languages.
PARENT_FOLDERS_CONSULTED = 3


@functools.lru_cache(maxsize=4096)
def normalize_tag(value: str, *, strict: bool = True) -> str | None:
    """The canonical form of a language tag, or None if `value` is not one.

    Accepts BCP 47 tags and ISO 639-1/-2/-3 codes. With `strict` (used for folder
    and file names) only languages that have a two-letter code, or a few common
    individual languages of macrolanguages, count: otherwise folder names such
    as `src`, `old` or `new` would pass as (real, rare) ISO 639-3 languages.
    """
    raw = value.strip().replace("_", "-")
    lower = raw.lower()
    if lower in _ISO_639_1:
        return lower
    head, _, rest = lower.partition("-")
    # The common cases without langcodes (25 ms of start-up): `fra`, `zho-CN`, `arb`; and in
    # strict mode, folder names that cannot be a two-letter language (`src`, `2024`, `drafts`).
    short = head if head in _ISO_639_1 else _ALPHA3.get(head)
    if short and (not rest or rest.upper() in _REGIONS):
        return short + ("-" + rest.upper() if rest else "")
    if head in _MACRO_MEMBERS and not rest:
        return _MACRO_MEMBERS[head]
    if strict and not (short or head in _MACRO_MEMBERS or head in _WITHDRAWN):
        return None
    return _standardize(raw, strict)


def _standardize(raw: str, strict: bool) -> str | None:
    """What langcodes makes of a tag the fast paths above do not answer."""
    import langcodes  # imported here: 25 ms that most runs never pay

    if not raw or raw.lower() in {"und", "mul", "zxx", "mis"}:
        return None
    head, _, rest = raw.partition("-")
    head_lower = head.lower()
    if head_lower in _MACRO_MEMBERS:
        raw = _MACRO_MEMBERS[head_lower] + ("-" + rest if rest else "")
    try:
        if not langcodes.tag_is_valid(raw):
            return None
        tag = langcodes.standardize_tag(raw)
    except (ValueError, LookupError):
        return None
    if strict and len(tag.split("-")[0]) != 2:
        return None
    return tag


def primary(tag: str | None) -> str | None:
    """The language subtag alone: `fr-CA` -> `fr`. Rule packs filter on it."""
    return tag.split("-")[0] if tag else None


def language_from_path(path: str) -> str | None:
    """The language a path names: a file suffix (`x.fa.txt`) or a parent folder (`fa/x.txt`)."""
    pure = PurePosixPath(path)
    suffixes = pure.name.split(".")[1:-1]
    if suffixes:
        tag = normalize_tag(suffixes[-1])
        if tag:
            return tag
    for folder in list(reversed(pure.parent.parts))[:PARENT_FOLDERS_CONSULTED]:
        tag = normalize_tag(folder)
        if tag:
            return tag
    return None


def strip_language_suffix(name: str) -> str | None:
    """`320388.fa.txt` -> `320388.txt`; None when the name carries no language suffix."""
    parts = name.split(".")
    if len(parts) >= 3 and normalize_tag(parts[-2]):
        return ".".join(parts[:-2] + parts[-1:])
    return None
