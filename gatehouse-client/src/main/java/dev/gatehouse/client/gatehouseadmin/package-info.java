/**
 * Gatehouse's own admin operations ({@code X-Amz-Target: GatehouseAdmin.*}, SigV4-signed for service
 * {@code gatehouse}): {@link dev.gatehouse.client.gatehouseadmin.GatehouseAdminClient} and one command
 * class per operation. Inputs, outputs and errors are in {@link dev.gatehouse.client.gatehouseadmin.model}.
 */
package dev.gatehouse.client.gatehouseadmin;
