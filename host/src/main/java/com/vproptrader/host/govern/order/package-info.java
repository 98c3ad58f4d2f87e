/**
 * The order a governor checks ({@link com.vproptrader.host.govern.order.OrderIntent}) and the account it acts on
 * ({@link com.vproptrader.host.govern.order.AccountView} with its open positions), and the worst case of those
 * positions at their stops ({@link com.vproptrader.host.govern.order.WorstCase}).
 */
package com.vproptrader.host.govern.order;
