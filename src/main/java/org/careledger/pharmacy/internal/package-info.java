/**
 * The pharmacy's reference data and the checks made from it, in plain Java (no Spring, JPA or
 * Vaadin, so a unit test reaches every rule): the medicine catalogue bundled beside these classes
 * ({@link org.careledger.pharmacy.internal.MedicineCatalogueSource}, see NOTICE.md there), the
 * reviewed medicine → ingredient → class tables ({@link org.careledger.pharmacy.internal.DrugClasses}),
 * and the two warnings a prescriber must answer before signing:
 * {@link org.careledger.pharmacy.internal.AllergyConflicts} and
 * {@link org.careledger.pharmacy.internal.DuplicateTherapy}.
 */
package org.careledger.pharmacy.internal;
