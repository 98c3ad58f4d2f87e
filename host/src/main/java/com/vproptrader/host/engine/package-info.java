/** The account's single-threaded event loop and the decisions it makes on each event. */
package com.vproptrader.host.engine;
