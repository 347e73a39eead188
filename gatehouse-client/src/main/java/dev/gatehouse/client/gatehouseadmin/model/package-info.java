/**
 * The inputs, outputs and errors of Gatehouse's own admin operations. Every type is immutable;
 * {@code toString} never shows a secret access key or an invitation link.
 */
package dev.gatehouse.client.gatehouseadmin.model;
