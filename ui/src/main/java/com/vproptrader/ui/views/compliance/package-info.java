/** Compliance page: engine state and what the host reports about the prop-firm rules. */
package com.vproptrader.ui.views.compliance;
