package org.careledger.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.careledger.contracts.RecordCategory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Hash;
import org.careledger.records.AccessEventView;
import org.careledger.records.GrantView;
import org.careledger.records.Party;
import org.careledger.records.RecordEntryView;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds one export: a Bundle of type {@code collection}. Not a {@code document}: a document is one
 * attested composition whose sections a receiver must render as a whole, whereas this is a set of
 * records each with its own provenance on the ledger, read by a machine that checks and takes them one
 * by one; {@code collection} says exactly that, and needs no Composition to stand for it.
 *
 * <p>Each resource derived from an anchored entry carries its ledger anchor as a complex extension on
 * its {@code meta} ({@link Codes#ANCHOR}: chain id, block height and hash, transaction id, entry hash,
 * and a reference to its proof, a Binary in the same Bundle). Meta extensions rather than Provenance
 * resources: the anchor stays with the resource when a receiver takes it out of the Bundle, there is no
 * second resource per entry to keep in step, and a Provenance's {@code target} and {@code agent} would
 * say nothing the anchor does not. Prescriptions, dispensings and appointments carry the anchor of their own
 * transaction (no entry hash, no proof), as audited reads do. Every entry is keyed by a {@code urn:uuid} full URL.
 */
public final class RecordBundle {

    private final Bundle bundle = new Bundle();
    private final Map<String, Reference> practitioners = new LinkedHashMap<>();
    private final Map<String, Reference> organizations = new LinkedHashMap<>();
    private final Map<String, Reference> byEntryId = new LinkedHashMap<>();
    private Reference patient;
    private Reference ledgerOrganization;

    public RecordBundle(Instant now) {
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(now));
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
    }

    /** The patient, with the registration data when {@code profile} is given (the patient's own export). */
    public void patient(Party party, UserProfile profile) {
        Patient p = new Patient();
        if (party.address() != null) {
            p.addIdentifier(new Identifier().setSystem(Codes.LEDGER_ADDRESS).setValue(party.address().toString()));
        }
        String name = profile != null ? profile.fullName() : party.name();
        if (name != null) {
            p.addName(name(name));
        }
        if (profile != null) {
            if (profile.mobile() != null) {
                p.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(profile.mobile()));
            }
            if (profile.email() != null) {
                p.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(profile.email()));
            }
            if (profile.dateOfBirth() != null) {
                p.setBirthDateElement(new DateType(profile.dateOfBirth().toString()));
            }
            if (profile.address() != null && !profile.address().isBlank()) {
                p.addAddress().setText(profile.address());
            }
        }
        patient = add(p);
        if (profile != null && profile.insuranceProvider() != null && !profile.insuranceProvider().isBlank()) {
            Coverage c = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE).setBeneficiary(patient);
            c.addPayor(organization(profile.insuranceProvider()));
            if (profile.policyNumber() != null) {
                c.setSubscriberId(profile.policyNumber());
                c.addIdentifier(new Identifier().setValue(profile.policyNumber()));
            }
            add(c);
        }
    }

    /** An entry of the record, with its anchor when it is mined; an entry whose content is not there is left out, and said so. */
    public void entry(RecordEntryView e, AnchorFacts anchor) {
        Reference author = e.selfReported() ? patient : e.author() == null ? null : practitioner(null, e.author(), null, null);
        DomainResource r = EntryResources.of(e, patient, author);
        if (r == null) {
            leftOut(Codes.label(e.category()) + " entry " + e.entryId().value() + ": its content is not available ("
                    + e.integrity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
            return;
        }
        if (anchor != null) {
            anchor(r, anchor);
        }
        byEntryId.put(e.entryId().value(), add(r));
    }

    /** A grant as a Consent: a permit for its doctor, purpose, data classes and period; inactive once revoked or ended. */
    public void grant(GrantView g) {
        Consent c = new Consent().setStatus(g.active() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE)
                .setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                        "Privacy Consent")))
                .setPatient(patient).setDateTime(Date.from(g.start()));
        c.addIdentifier(new Identifier().setSystem(Codes.GRANT_ID).setValue(g.grantId().value().hex()));
        c.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
        c.addPerformer(patient);
        c.setPolicyRule(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in")));
        Consent.ProvisionComponent p = c.getProvision().setType(Consent.ConsentProvisionType.PERMIT)
                .setPeriod(new Period().setStart(Date.from(g.start())).setEnd(Date.from(g.end())));
        p.addActor().setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PRCP",
                "primary information recipient"))).setReference(practitioner(g.doctor()));
        p.addPurpose(Codes.purposeOfUse(g.purpose()));
        for (RecordCategory category : g.categories().stream().sorted().toList()) {
            p.addCode(new CodeableConcept(Codes.category(category)));
        }
        g.categories().stream().map(Codes::resourceType).distinct().sorted()
                .forEach(type -> p.addClass_(new Coding("http://hl7.org/fhir/resource-types", type, type)));
        add(c);
    }

    /** A read of the record by someone else, as an AuditEvent; an emergency's carries DICOM's "Emergency Override Started". */
    public void read(AccessEventView a, AnchorFacts anchor) {
        AuditEvent ev = new AuditEvent().setType(new Coding(Codes.DICOM, "110110", "Patient Record"))
                .setAction(AuditEvent.AuditEventAction.R).setRecorded(Date.from(a.recordedAt() != null ? a.recordedAt() : a.readAt()))
                .setOutcome(AuditEvent.AuditEventOutcome._0);
        boolean emergency = "Emergency".equals(a.basisKind());
        if (emergency) {
            ev.addSubtype(new Coding(Codes.DICOM, "110127", "Emergency Override Started"));
        }
        AuditEvent.AuditEventAgentComponent agent = ev.addAgent().setWho(practitioner(a.reader())).setRequestor(true);
        if (emergency) {
            agent.addPurposeOfUse(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "ETREAT",
                    "Emergency Treatment")));
        } else if (a.purpose() != null) {
            agent.addPurposeOfUse(new CodeableConcept(Codes.purposeOfUse(a.purpose())));
        }
        ev.getSource().setObserver(ledger());
        Reference what = byEntryId.get(a.entryId().value());
        ev.addEntity().setWhat(what != null ? what : new Reference().setIdentifier(
                new Identifier().setSystem(Codes.ENTRY_ID).setValue(a.entryId().value())).setDisplay(a.entryName()));
        if (anchor != null) {
            anchor(ev, anchor);
        }
        add(ev);
    }

    /**
     * A pharmacy prescription (MedicationRequest), each dispensing from it (MedicationDispense) and its invoice; the
     * prescription and each dispensing with the anchor of its own transaction (issuing, dispensing) once that is in a block.
     *
     * @param anchorOf where a transaction stands on the ledger, or null while it is not in a block
     */
    public void prescription(org.careledger.pharmacy.PrescriptionView p, Function<Hash, AnchorFacts> anchorOf) {
        Reference prescriber = p.prescriberName() == null ? null : practitioner(null, p.prescriberName(), null, null);
        Reference request = add(anchored(CareResources.prescription(p, patient, prescriber),
                p.chainId() == null ? null : anchorOf.apply(p.chainId())));
        for (org.careledger.pharmacy.FillView f : p.fills()) {
            Reference pharmacist = f.pharmacistName() == null ? null : practitioner(null, f.pharmacistName(), null, null);
            add(anchored(CareResources.dispensing(p, f, patient, request, pharmacist), f.invoiceId() == null ? null : anchorOf.apply(f.invoiceId())));
            if (f.invoiceId() != null && f.invoiceState() != null) {
                add(CareResources.invoice(f, patient, f.pharmacyName() == null ? null : organization(f.pharmacyName())));
            }
        }
    }

    /** An appointment with its doctor, with the anchor of its booking transaction when that is in a block (null otherwise). */
    public void appointment(org.careledger.appointments.AppointmentView a, AnchorFacts anchor) {
        Reference doctor = practitioner(null, a.doctorName(), a.providerName(), null);
        add(anchored(CareResources.appointment(a, patient, doctor), anchor));
    }

    /** Says on the Bundle's meta that a part of the record is left out, and why. */
    public void leftOut(String what) {
        bundle.getMeta().addExtension(new Extension(Codes.LEFT_OUT, new StringType(what)));
    }

    public Bundle build() {
        return bundle;
    }

    /** The Bundle as FHIR JSON. */
    public String json() {
        return Fhir.json(bundle);
    }

    /** How many resources the Bundle holds. */
    public int size() {
        return bundle.getEntry().size();
    }

    private DomainResource anchored(DomainResource r, AnchorFacts a) {
        if (a != null) {
            anchor(r, a);
        }
        return r;
    }

    private void anchor(DomainResource r, AnchorFacts a) {
        Extension ext = new Extension(Codes.ANCHOR);
        ext.addExtension("chainId", new StringType(Long.toString(a.chainId())));
        ext.addExtension("blockHeight", a.blockHeight() <= Integer.MAX_VALUE ? new IntegerType((int) a.blockHeight())
                : new StringType(Long.toString(a.blockHeight())));
        ext.addExtension("blockHash", new StringType(a.blockHash()));
        ext.addExtension("transactionId", new StringType(a.transactionId()));
        if (a.entryHash() != null) {
            ext.addExtension("entryHash", new StringType(a.entryHash()));
        }
        if (a.proofJson() != null) {
            Binary proof = new Binary().setContentType("application/json").setData(a.proofJson().getBytes(StandardCharsets.UTF_8));
            ext.addExtension("proof", add(proof));
        }
        r.getMeta().addExtension(ext);
    }

    private Reference add(Resource r) {
        String id = UUID.randomUUID().toString();
        r.setId(id);
        String url = "urn:uuid:" + id;
        bundle.addEntry().setFullUrl(url).setResource(r);
        return new Reference(url);
    }

    private Reference practitioner(Party p) {
        return practitioner(p.address() == null ? null : p.address().toString(), p.nameOrAddress(), p.provider(), p.registrationNumber());
    }

    private Reference practitioner(String address, String name, String provider, String registration) {
        String key = address != null ? address : "name:" + name;
        Reference known = practitioners.get(key);
        if (known != null) {
            return known;
        }
        Practitioner p = new Practitioner();
        if (address != null) {
            p.addIdentifier(new Identifier().setSystem(Codes.LEDGER_ADDRESS).setValue(address));
        }
        if (registration != null) {
            p.addIdentifier(new Identifier().setValue(registration).setType(new CodeableConcept().setText("Medical registration")));
        }
        p.addName(name(name));
        Reference ref = add(p);
        if (provider != null) {
            organization(provider);
        }
        practitioners.put(key, ref.setDisplay(name));
        return ref;
    }

    private Reference organization(String name) {
        return organizations.computeIfAbsent(name, n -> add(new Organization().setName(n)).setDisplay(n));
    }

    private Reference ledger() {
        if (ledgerOrganization == null) {
            ledgerOrganization = organization("CareLedger");
        }
        return ledgerOrganization;
    }

    private static HumanName name(String full) {
        HumanName n = new HumanName().setText(full);
        String[] parts = full.trim().split("\\s+");
        if (parts.length > 1) {
            n.setFamily(parts[parts.length - 1]);
            for (int i = 0; i < parts.length - 1; i++) {
                n.addGiven(parts[i]);
            }
        }
        return n;
    }
}
