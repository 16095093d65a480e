"""Writes on the evidence locker: hand in, collect, transfer, access, copy, derive, attach, grade.

Each service checks the policy first, inspects and writes rows, records one log entry whose
payload carries the item's SHA-256 (never its bytes, name or metadata), and files the bytes
under their content address last, so a refusal leaves no row, no entry and no stored file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from ceasefire.accounts.models import User
from ceasefire.domain import evidence as rules
from ceasefire.domain.coding import Grade
from ceasefire.domain.errors import Conflict, InvalidInput
from ceasefire.domain.events import Event
from ceasefire.domain.evidence import CustodyStep, Derivation, ItemKind, MediaKind
from ceasefire.domain.policy import Action, can, require
from ceasefire.evidence import derivation as computing
from ceasefire.evidence.inspection import Inspection, inspect_file
from ceasefire.evidence.models import CustodyEvent, EvidenceAttachment, EvidenceGrade, EvidenceItem
from ceasefire.evidence.selectors import current_custodian
from ceasefire.evidence.storage import evidence_store
from ceasefire.evidence.subjects import check_subject
from ceasefire.evidence.uploads import HashedUpload, staged_bytes, too_large
from ceasefire.ledger.discipline import service
from ceasefire.ledger.services import Appended, record


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _inspect(file: HashedUpload) -> Inspection:
    if file.length > int(settings.EVIDENCE_MAX_BYTES):
        raise too_large(int(settings.EVIDENCE_MAX_BYTES))
    return inspect_file(file.path, file.length)


def _custody(
    item: EvidenceItem,
    step: CustodyStep,
    *,
    actor: User,
    appended: Appended,
    custodian: User | None = None,
    purpose: str = "",
    recipient: str = "",
    related: EvidenceItem | None = None,
) -> CustodyEvent:
    return CustodyEvent.objects.create(
        item=item,
        step=step.value,
        actor=actor,
        custodian=custodian or actor,
        purpose=purpose.strip()[:500],
        recipient=recipient.strip()[:200],
        related_item=related,
        at=timezone.now(),
        log_index=appended.index,
    )


def _logged_step(
    item: EvidenceItem,
    step: CustodyStep,
    event_name: str,
    details: dict[str, object],
    *,
    actor: User,
    custodian: User,
    purpose: str,
    recipient: str = "",
) -> CustodyEvent:
    """Append the log entry for a custody step on an existing item, then its custody row
    (which carries the entry's index): the one shape of transfer, access and copy."""
    appended = record(actor=actor, event=Event(event_name, item.subject, _payload(item, **details)))
    return _custody(
        item,
        step,
        actor=actor,
        appended=appended,
        custodian=custodian,
        purpose=purpose,
        recipient=recipient,
    )


def _new_item(
    *,
    actor: User,
    step: CustodyStep,
    file: HashedUpload | None,
    url: str,
    description: str,
    **fields: object,
) -> EvidenceItem:
    if (file is None) == (not url.strip()):
        raise InvalidInput("hand in either a file or a link", details={"field": "file"})
    if file is not None:
        inspection = _inspect(file)
        sniffed = inspection.sniffed
        return EvidenceItem.objects.create(
            kind=ItemKind.FILE.value,
            sha256=file.sha256,
            size=file.length,
            media_type=sniffed.media_type,
            media_kind=sniffed.kind.value,
            opaque_reason=sniffed.opaque_reason,
            name=rules.display_name(file.client_name),
            description=description.strip(),
            metadata=inspection.metadata,
            entered_by=step.value,
            submitted_by=actor,
            organisation=actor.organisation,
            created_at=timezone.now(),
            **fields,
        )
    link = rules.check_url(url)
    return EvidenceItem.objects.create(
        kind=ItemKind.LINK.value,
        sha256=_sha256(link),
        size=len(link.encode("utf-8")),
        media_type="text/uri-list",
        media_kind=MediaKind.LINK.value,
        url=link,
        description=description.strip(),
        entered_by=step.value,
        submitted_by=actor,
        organisation=actor.organisation,
        created_at=timezone.now(),
        **fields,
    )


def _payload(item: EvidenceItem, **extra: object) -> dict[str, object]:
    return {
        "item": item.pk,
        "sha256": item.sha256,
        "size": item.size,
        "media_type": item.media_type,
        **extra,
    }


def _intake(
    *,
    actor: User,
    step: CustodyStep,
    file: HashedUpload | None,
    url: str,
    description: str,
    subjects: Sequence[str],
    **fields: object,
) -> EvidenceItem:
    named = sorted({str(check_subject(text, viewer=actor.as_actor())) for text in subjects})
    item = _new_item(actor=actor, step=step, file=file, url=url, description=description, **fields)
    appended = record(
        actor=actor,
        event=Event(
            f"evidence.{step.value}",
            item.subject,
            _payload(item, item_kind=item.kind, subjects=named, custodian=f"user:{actor.pk}"),
        ),
    )
    for subject in named:
        EvidenceAttachment.objects.create(
            item=item,
            subject=subject,
            attached_by=actor,
            attached_at=timezone.now(),
            log_index=appended.index,
        )
    _custody(item, step, actor=actor, appended=appended)
    if file is not None:
        evidence_store().put(item.sha256, file.path)
    return item


@service
def submit_evidence(
    *,
    actor: User,
    file: HashedUpload | None = None,
    url: str = "",
    description: str = "",
    subjects: Sequence[str] = (),
) -> EvidenceItem:
    """Hand in a file or a link as evidence; the submitter becomes its first custodian.

    Raises:
        FileRefused: the bytes are an executable, a script or an archive that fails its checks.
    """
    require(actor.as_actor(), Action.SUBMIT_EVIDENCE)
    return _intake(
        actor=actor,
        step=CustodyStep.SUBMITTED,
        file=file,
        url=url,
        description=description,
        subjects=subjects,
    )


@service
def collect_evidence(
    *,
    actor: User,
    collected_at: datetime,
    method: str,
    file: HashedUpload | None = None,
    url: str = "",
    description: str = "",
    subjects: Sequence[str] = (),
) -> EvidenceItem:
    """Record a file or link the mechanism collected itself (a field photo, an online capture)."""
    require(actor.as_actor(), Action.COLLECT_EVIDENCE)
    if collected_at > timezone.now():
        raise InvalidInput(
            "the collection time is in the future", details={"field": "collected_at"}
        )
    if not method.strip():
        raise InvalidInput("say how the item was collected", details={"field": "method"})
    return _intake(
        actor=actor,
        step=CustodyStep.COLLECTED,
        file=file,
        url=url,
        description=description,
        subjects=subjects,
        collected_at=collected_at,
        collection_method=method.strip()[:200],
    )


@service
def transfer_custody(*, actor: User, item: EvidenceItem, to: User, purpose: str) -> CustodyEvent:
    """Pass custody of an item to another mediator or monitor."""
    require(actor.as_actor(), Action.MANAGE_EVIDENCE)
    if not to.is_active or not can(to.as_actor(), Action.VIEW_EVIDENCE):
        raise InvalidInput(
            "custody passes only to an active mediator or monitor", details={"field": "to"}
        )
    holder = current_custodian(item)
    if holder.pk == to.pk:
        raise Conflict(f"{to} already holds this item", details={"field": "to"})
    if not purpose.strip():
        raise InvalidInput("say why custody passes", details={"field": "purpose"})
    return _logged_step(
        item,
        CustodyStep.TRANSFERRED,
        "evidence.transferred",
        {
            "from_custodian": f"user:{holder.pk}",
            "to_custodian": f"user:{to.pk}",
            "purpose_sha256": _sha256(purpose.strip()),
        },
        actor=actor,
        custodian=to,
        purpose=purpose,
    )


@service
def access_evidence(*, actor: User, item: EvidenceItem, purpose: str = "download") -> CustodyEvent:
    """Log that a mediator or monitor opened an item's stored bytes."""
    require(actor.as_actor(), Action.VIEW_EVIDENCE)
    return _logged_step(
        item,
        CustodyStep.ACCESSED,
        "evidence.accessed",
        {"purpose": purpose[:100]},
        actor=actor,
        custodian=current_custodian(item),
        purpose=purpose,
    )


@service
def copy_evidence(*, actor: User, item: EvidenceItem, recipient: str, purpose: str) -> CustodyEvent:
    """Log that an exact copy of an item's bytes was handed to a recipient outside the locker."""
    require(actor.as_actor(), Action.MANAGE_EVIDENCE)
    if item.kind != ItemKind.FILE.value:
        raise InvalidInput("only files are copied", details={"field": "item"})
    if not recipient.strip() or not purpose.strip():
        raise InvalidInput("name the recipient and the purpose", details={"field": "recipient"})
    return _logged_step(
        item,
        CustodyStep.COPIED,
        "evidence.copied",
        {
            "recipient_sha256": _sha256(recipient.strip()[:200]),
            "purpose_sha256": _sha256(purpose.strip()),
        },
        actor=actor,
        custodian=current_custodian(item),
        purpose=purpose,
        recipient=recipient,
    )


def _derived_item(
    source: EvidenceItem,
    derivation: Derivation,
    file: HashedUpload,
    *,
    actor: User,
    public: bool,
    note: str,
) -> EvidenceItem:
    inspection = _inspect(file)
    return EvidenceItem.objects.create(
        kind=ItemKind.FILE.value,
        sha256=file.sha256,
        size=file.length,
        media_type=inspection.sniffed.media_type,
        media_kind=inspection.sniffed.kind.value,
        opaque_reason=inspection.sniffed.opaque_reason,
        name=rules.display_name(f"{derivation.value}-of-{source.pk}"),
        metadata=inspection.metadata,
        derived_from=source,
        derivation=derivation.value,
        derivation_note=note.strip()[:500],
        public=public,
        entered_by=CustodyStep.DERIVED.value,
        submitted_by=actor,
        organisation=actor.organisation,
        created_at=timezone.now(),
    )


@service
def derive_working_copy(
    *,
    actor: User,
    source: EvidenceItem,
    derivation: Derivation,
    public: bool = False,
    file: HashedUpload | None = None,
    note: str = "",
) -> EvidenceItem:
    """Make a working copy of an item: computed here (thumbnail, stripped) or uploaded (redacted,
    translated, …); the source is never altered. Only computed copies may be public."""
    require(actor.as_actor(), Action.MANAGE_EVIDENCE)
    if source.kind != ItemKind.FILE.value:
        raise InvalidInput("working copies are made of files", details={"field": "derivation"})
    rules.check_derivation(
        derivation, source_media_type=source.media_type, source_opaque=source.opaque, public=public
    )
    if derivation in rules.COMPUTED:
        if file is not None:
            raise InvalidInput(
                f"a {derivation} copy is computed by the platform; send no file",
                details={"field": "file"},
            )
        with evidence_store().open(source.sha256) as handle:
            data = computing.compute(handle, derivation)
        with staged_bytes(data) as staged:
            return _derive(source, derivation, staged, actor=actor, public=public, note=note)
    if file is None:
        raise InvalidInput(f"upload the {derivation} copy", details={"field": "file"})
    return _derive(source, derivation, file, actor=actor, public=public, note=note)


def _derive(
    source: EvidenceItem,
    derivation: Derivation,
    file: HashedUpload,
    *,
    actor: User,
    public: bool,
    note: str,
) -> EvidenceItem:
    copy = _derived_item(source, derivation, file, actor=actor, public=public, note=note)
    appended = record(
        actor=actor,
        event=Event(
            "evidence.derived",
            copy.subject,
            _payload(
                copy,
                source=source.pk,
                source_sha256=source.sha256,
                derivation=derivation.value,
                public=public,
            ),
        ),
    )
    _custody(copy, CustodyStep.DERIVED, actor=actor, appended=appended, related=source)
    _custody(
        source,
        CustodyStep.DERIVED,
        actor=actor,
        appended=appended,
        custodian=current_custodian(source),
        related=copy,
    )
    evidence_store().put(copy.sha256, file.path)
    return copy


@service
def attach_evidence(*, actor: User, item: EvidenceItem, subject: str) -> EvidenceAttachment:
    """Attach an item to a record (an incident, an agreement, a finding…) the actor can see."""
    require(actor.as_actor(), Action.MANAGE_EVIDENCE)
    name = str(check_subject(subject, viewer=actor.as_actor()))
    if item.attachments.filter(subject=name).exists():
        raise Conflict(f"the item is already attached to {name}", details={"field": "subject"})
    appended = record(
        actor=actor,
        event=Event("evidence.attached", item.subject, _payload(item, subject=name)),
    )
    return EvidenceAttachment.objects.create(
        item=item,
        subject=name,
        attached_by=actor,
        attached_at=timezone.now(),
        log_index=appended.index,
    )


@service
def grade_evidence(
    *, actor: User, item: EvidenceItem, grade: Grade, note: str = ""
) -> EvidenceGrade:
    """Add one monitor's Admiralty grade (source reliability A–F, credibility 1–6) to an item."""
    require(actor.as_actor(), Action.GRADE_EVIDENCE)
    rules.check_independent_grader(
        grader=str(actor.pk), submitter=str(item.submitted_by_id), original=item.is_original
    )
    appended = record(
        actor=actor,
        event=Event(
            "evidence.graded",
            item.subject,
            _payload(
                item,
                grade=grade.code,
                reliability=grade.reliability.value,
                credibility=grade.credibility.value,
                note_sha256=_sha256(note.strip()) if note.strip() else None,
            ),
        ),
    )
    return EvidenceGrade.objects.create(
        item=item,
        reliability=grade.reliability.value,
        credibility=grade.credibility.value,
        note=note.strip(),
        graded_by=actor,
        graded_at=timezone.now(),
        log_index=appended.index,
    )
