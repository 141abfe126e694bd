/** Reading workload traces: request counts per step from CSV, with the gaps the source has no rows for. */
package io.autoscalebot.simulate.trace;
