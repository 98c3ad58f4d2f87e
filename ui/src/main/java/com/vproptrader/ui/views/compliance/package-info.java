/** Compliance page: the active rule pack, each rule's headroom, the engine state, the trading day and the governors' events. */
package com.vproptrader.ui.views.compliance;
