/**
 * Limits across the accounts of a group (several hosts, one Redis): the lots and the number of accounts holding
 * each symbol, booked atomically in Redis before a signal leaves, so what one host holds limits the others.
 */
package com.vproptrader.host.group;
