"""The catalogue has no gaps (issue #11, workbench/texts): every key in both written standards with the same
placeholders, every key the code and the templates ask for exists, every text is asked for, and every key
family covers what the domain knows."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.texts import TEXTS, UnknownText, has, text
from workbench.texts.catalogue import FAMILIES, LANGS

ROOT = Path(__file__).resolve().parents[2]
#: Names a module gives the catalogue's lookup: ``text`` itself, ``t`` and ``catalogue_text`` (imported as)
#: and the local ``T`` of the letter model (``T(key) == text(key, lang)``).
TEXT_FUNCTIONS = {"text", "t", "catalogue_text", "T"}
#: A template asks with ``letter.text("key")``.
TEMPLATE_CALL = re.compile(r"""\btext\(\s*["']([^"']+)["']""")


def _fields(s: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(s) if name is not None}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_standards_and_the_same_placeholders(key):
    nb, nn = TEXTS[key]
    assert nb.strip() and nn.strip(), f"{key}: a text is empty"
    assert _fields(nb) == _fields(nn), f"{key}: nb has {_fields(nb)}, nn has {_fields(nn)}"
    for lang in LANGS:
        values = {name: f"<{name}>" for name in _fields(nb)}
        assert "{" not in text(key, lang, **values) and "}" not in text(key, lang, **values), key


def test_an_unknown_key_or_language_is_an_error():
    with pytest.raises(UnknownText):
        text("h_introduction", "nb")
    with pytest.raises(ValueError):
        text("h_intro", "se")
    assert text("h_intro", "nn") == "Innleiing"
    assert text("intro_competence", "nb").count("§\u00a0") == 1  # never a line break after «§»
    assert "§\u00a028 tredje ledd" in text("finality", "nb", p_final="§ 28 tredje ledd")  # nor in a value


# ---------------------------------------------------------------------------------------------------------
# Every key the code and the templates use exists
# ---------------------------------------------------------------------------------------------------------


def _modules_using_the_catalogue() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((ROOT / "workbench").rglob("*.py")):
        if path.is_relative_to(ROOT / "workbench" / "texts"):
            continue
        src = path.read_text(encoding="utf-8")
        if "workbench.texts" in src or "from workbench import texts" in src:
            yield path, ast.parse(src, filename=str(path))


def _is_text_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    f = node.func
    return (isinstance(f, ast.Name) and f.id in TEXT_FUNCTIONS) or (isinstance(f, ast.Attribute) and f.attr == "text")


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing(node: ast.AST, parents: dict[ast.AST, ast.AST], kinds: tuple[type, ...]) -> Iterator[ast.AST]:
    while node in parents:
        node = parents[node]
        if isinstance(node, kinds):
            yield node


def _keys_of(arg: ast.expr, call: ast.Call, parents: dict[ast.AST, ast.AST]) -> Iterator[tuple[str, str]]:
    """(kind, value) for the key expression ``arg``: ("key", k) for a literal key, ("family", prefix) for an
    f-string, ("wrapper", name) where ``arg`` is a parameter of the enclosing function (a lookup helper),
    ("unresolved", source) otherwise."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        yield "key", arg.value
    elif isinstance(arg, ast.IfExp):
        yield from _keys_of(arg.body, call, parents)
        yield from _keys_of(arg.orelse, call, parents)
    elif isinstance(arg, ast.JoinedStr):
        head = arg.values[0]
        yield "family", head.value if isinstance(head, ast.Constant) else ""
    elif isinstance(arg, ast.Name):
        # a loop over literal keys: [T(k) for k in ("tbl_period", …)]
        for comp in _enclosing(call, parents, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            for gen in comp.generators:  # type: ignore[attr-defined]
                if isinstance(gen.target, ast.Name) and gen.target.id == arg.id and isinstance(gen.iter, ast.Tuple):
                    for elt in gen.iter.elts:
                        yield from _keys_of(elt, call, parents)
                    return
        func = next(_enclosing(call, parents, (ast.FunctionDef,)), None)
        if func is not None:
            params = {a.arg for a in (*func.args.posonlyargs, *func.args.args)}  # type: ignore[attr-defined]
            if arg.id in params:
                yield "wrapper", arg.id
                return
            # a name assigned once in the function: kind_key = f"kind_{…}"
            values = [n.value for n in ast.walk(func) if isinstance(n, ast.Assign)
                      and any(isinstance(t, ast.Name) and t.id == arg.id for t in n.targets)]
            if len(values) == 1:
                yield from _keys_of(values[0], call, parents)
                return
        yield "unresolved", ast.unparse(arg)
    else:
        yield "unresolved", ast.unparse(arg)


def _used() -> list[tuple[str, str, str]]:
    """(where, kind, value) for every lookup in the code and the templates."""
    out = []
    for path, tree in _modules_using_the_catalogue():
        parents = _parents(tree)
        for node in ast.walk(tree):
            if _is_text_call(node) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                                       and node.func.id == "has" and node.args):
                assert isinstance(node, ast.Call)
                for kind, value in _keys_of(node.args[0], node, parents):
                    out.append((f"{path.relative_to(ROOT)}:{node.lineno}", kind, value))
    for tpl in [*(ROOT / "workbench").rglob("*.j2"), *(ROOT / "templates").rglob("*.html")]:
        for m in TEMPLATE_CALL.finditer(tpl.read_text(encoding="utf-8")):
            out.append((str(tpl.relative_to(ROOT)), "key", m.group(1)))
    return out


def test_every_key_the_code_and_the_templates_use_exists():
    used = _used()
    assert any(kind == "key" for _, kind, _ in used), "the scan found no lookups"
    missing = [(where, value) for where, kind, value in used if kind == "key" and value not in TEXTS]
    assert missing == []
    families = [(where, value) for where, kind, value in used if kind == "family"]
    assert families, "the scan found no key families"
    assert [(w, v) for w, v in families if v not in FAMILIES] == [], "a key family not listed in FAMILIES"
    assert [(w, v) for w, kind, v in used if kind == "unresolved"] == []


def test_every_text_is_used():
    used = {value for _, kind, value in _used() if kind == "key"}
    unused = [k for k in TEXTS if k not in used and not any(k.startswith(prefix) for prefix in FAMILIES)]
    assert unused == []
    for prefix in FAMILIES:
        assert any(k.startswith(prefix) for k in TEXTS), f"no text in the family {prefix}"


# ---------------------------------------------------------------------------------------------------------
# The families cover what the domain knows
# ---------------------------------------------------------------------------------------------------------

def test_families_cover_the_domain():
    from workbench.appeal.taxonomy import DISCREPANCY_CODES
    from workbench.law.model import BenefitKind, DecisionKind, WorkKind
    from workbench.letters.errors import COMPONENTS
    from workbench.letters.model import OUTCOMES, TOPICS

    def missing(prefix: str, suffixes) -> list[str]:
        return [f"{prefix}{s}" for s in suffixes if not has(f"{prefix}{s}")]

    assert missing("outcome_", OUTCOMES) == []
    assert missing("h_topic_", TOPICS) == []
    assert missing("kind_", [k.value for k in DecisionKind]) == []
    assert missing("work_", [k.value for k in WorkKind]) == []
    # every benefit is named in the letter by its own name (no «Annen ytelse (kode)»)
    assert missing("benefit_", [k.value for k in BenefitKind]) == []
    # every discrepancy code the letter tells as an error has its sentence, told the right way round; the
    # direction-dependent ones (G around 1 May, under 25) have two, chosen from the trace in letters.errors
    told_elsewhere = {"g-applied-before-1-may", "wrong-under-25", "wrong-hjemmel", "wrong-reduction-method",
                      "rounding", "g-regulated-after-decision"}
    assert missing("err_", set(DISCREPANCY_CODES) - told_elsewhere) == []
    assert all(has(k) for k in ("err_g_new_before_may", "err_g_old_after_may", "err_u25_full", "err_u25_reduced",
                                "err_hjemmel", "err_work_method"))
    assert missing("what_", COMPONENTS) == []


def test_the_taxonomy_names_every_category_and_code_in_both_standards():
    """The names of the error categories, the discrepancy codes and the procedural rules are bokmål/nynorsk
    pairs kept with the taxonomy they name (workbench.appeal.taxonomy): the same gaps are checked there."""
    from workbench.appeal import taxonomy

    pairs = {f"category {code}.{field}": (c[f"{field}_nb"], c[f"{field}_nn"])  # type: ignore[literal-required]
             for code, c in taxonomy.ALL_CATEGORIES.items() for field in ("label", "letter")}
    pairs |= {f"code {code}": (d["label_nb"], d["label_nn"]) for code, d in taxonomy.DISCREPANCY_CODES.items()}
    pairs |= {f"provision {p}": (v["label_nb"], v["label_nn"]) for p, v in taxonomy.SAKSBEHANDLING_PROVISIONS.items()}
    for where, (nb, nn) in pairs.items():
        assert nb.strip() and nn.strip(), where
        assert "{" not in nb + nn, where
