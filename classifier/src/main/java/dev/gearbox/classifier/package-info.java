/** Request signals, the trained routing model, training and evaluation. */
package dev.gearbox.classifier;
