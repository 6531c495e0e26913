"""Cluster a batch of processed documents (what ``vestnik stories PATH...`` does)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable

from vestnik.document import Document
from vestnik.stories import topics
from vestnik.stories.cluster import BatchTerms, Story, StoryClusterer, batch_terms, subset
from vestnik.stories.features import StoryDoc, story_doc, teaser_docs

log = logging.getLogger(__name__)

#: told (phase, done, total) as a run goes: "read" (a store run), "group" (the first pass), "topics" (a batch of
#: several topics: their own first passes), "cluster", "write" (a store run: merges, tables, state; 0 of 1, then 1
#: of 1); a run over a large store or many files takes minutes, and the CLI shows these as progress bars
Progress = Callable[[str, int, int], None]


def phase(progress: Progress | None, name: str, total: int) -> Callable[[int], None] | None:
    """``progress`` for one phase of ``total`` documents, as :meth:`StoryClusterer.add_many` tells it."""
    return None if progress is None else (lambda done: progress(name, done, total))


def order(docs: list[StoryDoc]) -> list[StoryDoc]:
    """Time order when dates are known (undated documents keep their input order, after the dated ones of
    the same position); online clustering wants to see a story's first article first."""
    far = 10**7
    return [d for _, _, d in sorted(((d.day if d.day is not None else far), i, d) for i, d in enumerate(docs))]


def first_pass(docs: list[StoryDoc], like: StoryClusterer, progress: Callable[[int], None] | None = None,
               counted: BatchTerms | None = None) -> list[list[str]]:
    """The batch clustered alone, with ``like``'s settings: the groups whose terms then count once each in the
    document frequencies of the pass that counts (:meth:`StoryClusterer.prime`'s ``stories``). ``counted``:
    :func:`~vestnik.stories.cluster.batch_terms` of the batch, computed once for both passes."""
    probe = StoryClusterer(like.threshold, like.window_days, adapt_k=like.adapt_k, adapt_margin=like.adapt_margin)
    probe.prime(docs, counted=counted)
    probe.add_many(order(docs), progress=progress)
    probe.merge_mutual()
    return [st.members for st in probe.stories.values()]


def split_topics(docs: list[StoryDoc], groups: list[list[str]], counted: BatchTerms,
                 cl: StoryClusterer | None = None) -> list[list[StoryDoc]]:
    """The batch's topics (:func:`vestnik.stories.topics.split`), each in batch order; ``[docs]`` when it has
    none. ``groups``: the first pass's stories; ``cl``: a clusterer primed with the batch (its vectors are the
    ones weighed), else one is primed here."""
    if cl is None:
        cl = StoryClusterer()
        cl.prime(docs, groups, counted)
    parts = topics.split([sd.id for sd in docs], groups, counted.terms, cl.vectors(counted),
                         [sd.language for sd in docs])
    if len(parts) == 1:
        return [docs]
    by_id = {sd.id: sd for sd in docs}
    return [[by_id[d] for d in part] for part in parts]


def prime_batch(cl: StoryClusterer, docs: list[StoryDoc], progress: Progress | None = None,
                context: list[StoryDoc] | None = None) -> list[list[str]]:
    """Count a batch's document frequencies into ``cl`` before its documents are added: a first pass groups
    the batch (a term counts once per group, :meth:`StoryClusterer.prime`), and in a batch of several topics
    (:func:`split_topics`) each topic's documents are weighed by that topic's frequencies
    (:meth:`StoryClusterer.scope`), which clusters each topic nearly as it would be clustered alone (measured:
    docs/stories-eval.md, stop 26). Returns the topics' document ids, none when the batch has one topic.

    ``context``: documents ``cl`` has clustered already (a store's latest, :mod:`~vestnik.stories.store_sync`),
    read back so that a small run (a ``vestnik watch`` round) finds site chrome and topics as if they had come in
    its batch, and its documents are weighed by their topic's frequencies among them (stop 27). Their stories
    stand for a first pass over them; they are neither counted nor added again."""
    if not docs:
        return []
    new = {sd.id for sd in docs}
    context = [sd for sd in context or () if sd.id in cl.doc_story and sd.id not in new]
    whole = [*context, *docs]
    counted = batch_terms(whole)  # (once for both passes)
    mine = subset(counted, docs) if context else counted
    groups = _grouped(cl, context, docs, mine, phase(progress, "group", len(docs)))
    cl.prime(docs, groups, mine)
    parts = split_topics(whole, groups, counted, cl)
    if len(parts) == 1:
        return []
    log.info("stories: %d topics in this batch of %d documents (%s)%s, each weighed on its own documents",
             len(parts), len(whole), ", ".join(str(len(p)) for p in parts),
             f", {len(context)} of them clustered before" if context else "")
    told = phase(progress, "topics", len(docs))
    done = 0
    for part in parts:  # each clustered as if alone: its own site chrome, first pass and frequencies
        own = [sd for sd in part if sd.id in new]
        if not own:
            continue
        part_counted = batch_terms(part)
        before = [sd for sd in part if sd.id not in new]
        cl.scope(part_counted, _grouped(cl, before, own, subset(part_counted, own) if before else part_counted))
        done += len(own)
        if told is not None:
            told(done)
    return [ids for part in parts if (ids := [sd.id for sd in part if sd.id in new])]


def _grouped(cl: StoryClusterer, before: list[StoryDoc], docs: list[StoryDoc], counted: BatchTerms,
             progress: Callable[[int], None] | None = None) -> list[list[str]]:
    """The groups a batch's terms count once each in: the stories ``cl`` put the documents ``before`` in, and a
    first pass over the new ``docs`` (``counted``: their terms)."""
    known: dict[str, list[str]] = {}
    for sd in before:
        known.setdefault(cl.doc_story[sd.id], []).append(sd.id)
    return [*known.values(), *first_pass(docs, cl, progress, counted)]


def cluster_story_docs(docs: list[StoryDoc], clusterer: StoryClusterer | None = None,
                       teasers: list[StoryDoc] | None = None,
                       progress: Progress | None = None) -> list[Story]:
    """Stories of a batch; ``teasers``: its pages' teaser items (:func:`teaser_docs`), linked to the batch's
    articles they were cut from (``Story.teased``), never story members. In a batch of several topics each story
    has its topic's number (``Story.topic``)."""
    cl = clusterer or StoryClusterer()
    seen: set[str] = set()
    uniq = []
    for d in docs:  # a repeated id is one document (the first one read)
        if d.id not in seen:
            seen.add(d.id)
            uniq.append(d)
    parts = prime_batch(cl, uniq, progress)
    cl.add_many(order(uniq), progress=phase(progress, "cluster", len(uniq)))
    if teasers:
        cl.add_teasers(teasers)
    cl.merge_mutual()  # the whole batch is known: stories that started twice meet (see StoryClusterer.merge_mutual)
    cl.merge_languages()  # then the reports of one event in different languages (dated stories only)
    stories = [cl.story(s) for s in dict.fromkeys(cl.doc_story[d.id] for d in uniq)]
    if parts:  # each story in the topic most of its documents are in (1, 2, ...)
        topic_of = {d: k for k, part in enumerate(parts, 1) for d in part}
        for st in stories:
            st.topic = Counter(topic_of[m] for m in st.members if m in topic_of).most_common(1)[0][0]
    return stories


def cluster_documents(docs: Iterable[Document], clusterer: StoryClusterer | None = None) -> list[Story]:
    docs = list(docs)
    return cluster_story_docs([story_doc(d) for d in docs], clusterer, [t for d in docs for t in teaser_docs(d)])
