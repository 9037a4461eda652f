"""Versioned indexes behind aliases: idempotent set-up, creation, atomic alias swap, bulk writes with external versions."""
import hashlib
import json
import queue
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from elasticsearch import BadRequestError, helpers


@dataclass(frozen=True)
class IndexNames:
    """Alias names for one deployment; each alias points at one versioned index such as jobmatch-vacancies-20261128t181500."""

    prefix: str

    @property
    def vacancies(self):
        return f"{self.prefix}-vacancies"

    @property
    def job_seekers(self):
        return f"{self.prefix}-job-seekers"


def new_index_name(alias):
    return f"{alias}-{datetime.now(UTC).strftime('%Y%m%dt%H%M%S%f')}"


def mapping_fingerprint(document_class):
    """A digest of the document class's mappings and settings, kept in the index's _meta: an index made from another
    version of the class is out of date, and is replaced by a new index behind the same alias."""
    body = document_class._index.to_dict()
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]


def create_index(client, name, document_class, *, replicas=0, shards=None, alias=None):
    """Create a versioned index from the document class; with an alias, in the same request (no window without it).
    `shards` overrides the class's number of primary shards (a deployment's setting, not part of the mapping)."""
    body = document_class._index.to_dict()
    settings = {**body.get("settings", {}), "number_of_replicas": replicas}
    if shards:
        settings["number_of_shards"] = shards
    mappings = {**body["mappings"], "_meta": {"fingerprint": mapping_fingerprint(document_class)}}
    aliases = {alias: {"is_write_index": True}} if alias else None
    client.indices.create(index=name, settings=settings, mappings=mappings, aliases=aliases)


def is_current(client, alias, document_class):
    """True when every index behind the alias was made from this version of the document class."""
    fingerprint = mapping_fingerprint(document_class)
    indexes = client.indices.get_mapping(index=alias)
    return bool(indexes) and all(
        index["mappings"].get("_meta", {}).get("fingerprint") == fingerprint for index in indexes.values()
    )


def ensure_index(client, alias, document_class, *, replicas=0, shards=None):
    """Create a first versioned index behind the alias unless the alias already exists. Safe to call repeatedly."""
    if client.indices.exists_alias(name=alias):
        return False
    try:
        create_index(client, new_index_name(alias), document_class, replicas=replicas, shards=shards, alias=alias)
    except BadRequestError:
        if client.indices.exists_alias(name=alias):
            return False  # another process created it in the meantime
        raise
    return True


def indexes_behind(client, alias):
    if not client.indices.exists_alias(name=alias):
        return []
    return sorted(client.indices.get_alias(name=alias).keys())


def index_created_at(client, index):
    settings = client.indices.get_settings(index=index, name="index.creation_date")
    return datetime.fromtimestamp(int(settings[index]["settings"]["index"]["creation_date"]) / 1000, UTC)


def stray_indexes(client, alias, *, created_before):
    """The versioned indexes of this alias (named by new_index_name) that it does not point at and that were made
    before `created_before`: left by a rebuild that was killed, or superseded by a later one."""
    behind = set(indexes_behind(client, alias))
    found = client.indices.get_settings(index=f"{alias}-*", name="index.creation_date", allow_no_indices=True)
    return sorted(
        name for name, body in found.items()
        if name not in behind and re.fullmatch(r"\d{8}t\d{12}", name.removeprefix(f"{alias}-"))
        and int(body["settings"]["index"]["creation_date"]) < created_before.timestamp() * 1000
    )


def swap_alias(client, alias, new_index):
    """Point the alias at new_index in one atomic request, then delete the indexes it pointed at before."""
    old_indexes = [name for name in indexes_behind(client, alias) if name != new_index]
    actions = [{"remove": {"index": name, "alias": alias}} for name in old_indexes]
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    client.indices.update_aliases(actions=actions)
    for name in old_indexes:
        client.indices.delete(index=name)
    return old_indexes


def begin_bulk_load(client, index):
    client.indices.put_settings(index=index, settings={"refresh_interval": "-1"})


def end_bulk_load(client, index):
    client.indices.put_settings(index=index, settings={"refresh_interval": None})
    client.indices.refresh(index=index)


@dataclass
class BulkOutcome:
    written: int = 0
    stale: int = 0
    failed_ids: list = None

    def __post_init__(self):
        self.failed_ids = self.failed_ids or []


def bulk_write(client, index, operations, *, chunk_size=500, refresh=False, pipelined=False):
    """Apply index/delete operations with the database row version as an external version.

    Each operation is {"op": "index"|"delete", "id": ..., "version": int, "document": dict}.
    A version conflict means the index already holds this version or a newer one: the stale write loses, as intended.
    A delete of a document that is not there is already done.
    Pipelined, a second thread sends each chunk while this one makes the next (the operations are read here, in the
    caller's thread, with its database session), at most a few chunks ahead: Elasticsearch and Python work at once.
    """
    actions = (_bulk_action(index, operation) for operation in operations)
    if not pipelined:
        return _send(client, actions, chunk_size=chunk_size, refresh=refresh)
    handoff, sent = queue.Queue(maxsize=4 * chunk_size), {}

    def sender():
        try:
            sent["outcome"] = _send(client, iter(handoff.get, _END), chunk_size=chunk_size, refresh=refresh)
        except BaseException as error:  # handed to the caller's thread below
            sent["error"] = error

    thread = threading.Thread(target=sender, name="bulk-sender", daemon=True)
    thread.start()
    try:
        for action in actions:
            if not _hand_over(handoff, action, thread):
                break  # the sender failed: its error is raised below
    finally:
        _hand_over(handoff, _END, thread)
        thread.join()
    if "error" in sent:
        raise sent["error"]
    return sent["outcome"]


_END = object()


def _hand_over(handoff, item, thread):
    """Queue the item for the sender thread, waiting while the queue is full; False once the sender has stopped."""
    while thread.is_alive():
        try:
            handoff.put(item, timeout=0.2)
            return True
        except queue.Full:
            continue
    return False


def _send(client, actions, *, chunk_size, refresh):
    outcome = BulkOutcome()
    for ok, item in helpers.streaming_bulk(
        client, actions, chunk_size=chunk_size, raise_on_error=False, raise_on_exception=True, max_retries=2,
        refresh="wait_for" if refresh else False,
    ):
        result = next(iter(item.values()))
        status = result.get("status", 200)
        if ok or (result.get("result") == "not_found"):
            outcome.written += 1
        elif status == 409:
            outcome.stale += 1
        else:
            outcome.failed_ids.append(result.get("_id"))
    return outcome


def _bulk_action(index, operation):
    action = {
        "_op_type": operation["op"],
        "_index": index,
        "_id": str(operation["id"]),
        "version": operation["version"],
        "version_type": "external",
    }
    if operation["op"] == "index":
        # Encoded here by orjson (the client's own encoder takes several times as long; it sends bytes as they are).
        action["_source"] = orjson.dumps(operation["document"])
    return action


def indexed_versions(client, alias):
    """Every document id in the index with its external version, for reconciliation."""
    hits = helpers.scan(client, index=alias, query={"query": {"match_all": {}}}, _source=False, version=True, size=2000)
    return {hit["_id"]: hit["_version"] for hit in hits}


def version_drift(database_versions, index_versions):
    """Compare {id: version} of the database with the index's; return (ids to index, ids to delete), sorted."""
    to_index = sorted(
        doc_id for doc_id, version in database_versions.items() if index_versions.get(doc_id) != version
    )
    to_delete = sorted(doc_id for doc_id in index_versions if doc_id not in database_versions)
    return to_index, to_delete
