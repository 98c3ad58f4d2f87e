/** The Learning page: model versions and their evidence, calibration, drift, shadows, promote / rollback. */
package com.vproptrader.ui.views.learning;
