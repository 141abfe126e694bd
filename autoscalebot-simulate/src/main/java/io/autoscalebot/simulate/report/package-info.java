/**
 * A simulation's result for people and machines: a terminal summary, JSON, and a self-contained HTML page of charts.
 */
package io.autoscalebot.simulate.report;
