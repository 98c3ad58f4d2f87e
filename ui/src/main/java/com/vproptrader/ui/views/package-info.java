/** The app layout and the live-view base shared by the feature pages in the sub-packages. */
package com.vproptrader.ui.views;
