/**
 * Decision support's engine, in plain Java on Smile: the bundled training data (Synthea's synthetic
 * patients, and the MIMIC-III demo as a real-data check), the two models (symptoms, age and sex to a
 * ranked list of conditions; a condition, age, sex, other active conditions and medication history to
 * a ranked list of medicines), their calibrated confidences and evidence in words, the fixed
 * evaluation protocol with its baselines, versioned model files and the {@code recommend} command
 * line. It imports no framework and nothing else of CareLedger, so the portal's {@code recommend}
 * module wires it in and an ArchUnit test keeps it so; its suggestions are decision support for a
 * doctor, never automatic.
 */
package org.careledger.recommend.engine;
