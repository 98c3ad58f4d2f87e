/** The operator UI: a Vaadin Flow app on embedded Jetty that reads one host through AdminService. */
package com.vproptrader.ui;
