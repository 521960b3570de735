package org.careledger.pharmacy;

/**
 * A doctor prescribed from a form that showed decision support's suggestions: which medicine was
 * chosen, so that decision support can record whether a suggestion was taken.
 */
public record PrescribedWithAdvice(String adviceId, String chosenRxnorm) {
}
