"""Parse shapes that say which noun a name names: apposition and naming participles.

Used by ``analysis.claim_anchors``: "The result, written up as X, was published" and "X in San
Jose, a bronze relief dedicated in 1990" say of X what the sentence says of the noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from analysis.claim_context import SUBJECT_DEPS, ClaimContext

# Participles that give a noun its name: with "as" ("written up as X", "known as X") or
# directly ("titled X", "called X"); "published X" names nothing.
_NAMING = frozenset({"write", "title", "entitle", "call", "name", "know", "publish", "dub",
                     "bill", "brand", "issue", "release"})
_NAMING_DIRECT = frozenset({"title", "entitle", "call", "name", "dub"})


def name_phrase(root: Token) -> list[Token]:
    """The name's own noun phrase: its subtree without clauses and appositions."""
    found, todo = [], [root]
    while todo:
        tok = todo.pop()
        found.append(tok)
        todo.extend(c for c in tok.children if c.pos_ not in ("VERB", "AUX")
                    and c.dep_ not in ("relcl", "acl", "appos"))
    return found


def named_noun(root: Token) -> tuple[Token, Token] | None:
    """The noun a name is given to by a participle, and the participle: "The result, written
    up as X, was published", "the reform ..., known ever since as X", "a paper titled X"."""
    node = root.head if root.dep_ == "pobj" and root.head.lower_ == "as" else root
    if node is root and root.dep_ not in ("oprd", "dobj", "attr", "xcomp"):
        return None
    naming = node.head
    if naming.dep_ == "advmod" and naming.pos_ not in ("VERB", "AUX"):
        naming = naming.head  # "known ever since as X"
    if naming.lemma_.lower() not in _NAMING:
        # "passed in 1961 and known ever since as X" with "as X" hung on "passed"
        naming = next((c for c in naming.conjuncts if c.i < node.i
                       and c.lemma_.lower() in _NAMING), naming)
    if naming.lemma_.lower() not in (_NAMING if node is not root else _NAMING_DIRECT) \
            or naming.tag_ != "VBN":
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.lower_ == "since" and any(g.like_num for g in c.subtree)
           for c in naming.children):
        # "..., and since 2007 it has been known as Y": a clause of its own, a later name (not
        # "known ever since as X": named then)
        return None
    clause = naming
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "acl":
        return clause.head, naming
    # the parser's other reading: "The reform ... passed in 1993 and known as X, allowed ..."
    subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    return (subj, naming) if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def passive(verb: Token) -> bool:
    """"was passed", "X, founded in 1990": the clause's subject undergoes the verb."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and clause.dep_ == "acl")


def of_name(tok: Token, root: Token) -> bool:
    """The name itself, or a noun in apposition to it ("X, a relief of camp life")."""
    if tok.i == root.i:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "appos":
        tok = tok.head.head
    return tok.dep_ == "appos" and any(t.i == tok.head.i for t in name_phrase(root))


def set_off(ctx: ClaimContext, root: Token) -> bool:
    """"Its sequel, From Third World to First, was ...": a title between commas, whatever the
    parser made of its words, stands in apposition."""
    mention = ctx.mention_at.get(root.i)
    if mention is None:
        return False
    text = ctx.article.text
    return text[:mention.start].rstrip().endswith(",") and text[mention.end:].lstrip()[:1] == ","
